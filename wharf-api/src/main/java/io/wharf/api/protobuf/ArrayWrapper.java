package io.wharf.api.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.wharf.api.schema.Schema;

/**
 * Go slices with a name of their own (authentication's ExtraValue, meta/v1 Verbs) are messages
 * with one repeated field in protobuf but plain arrays in JSON.
 */
final class ArrayWrapper {
    private ArrayWrapper() {
    }

    /**
     * The repeated field a message wraps when it stands for a JSON array, or null. The registry's
     * schema decides; without one, a lone repeated string field named {@code items} does.
     */
    static FieldDescriptor itemsField(Descriptor message, Schema schema) {
        if (message.getFields().size() != 1 || !message.getFields().get(0).isRepeated()
                || message.getFields().get(0).isMapField()) {
            return null;
        }
        FieldDescriptor only = message.getFields().get(0);
        if (schema != null) {
            return schema instanceof Schema.ArrayOf ? only : null;
        }
        return only.getName().equals("items") && only.getJavaType() == FieldDescriptor.JavaType.STRING ? only : null;
    }
}
