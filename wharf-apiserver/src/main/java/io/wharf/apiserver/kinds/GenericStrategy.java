package io.wharf.apiserver.kinds;

import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.ResourceStrategy;
import java.util.List;
import java.util.function.Function;

/**
 * A strategy made of the few facts that distinguish most kinds: which field labels they support,
 * whether they track generation, whether PUT may create, whether DELETE returns the object, and
 * which name rule applies.
 */
public class GenericStrategy implements ResourceStrategy {
    private final Fields fields;
    private final boolean generation;
    private final boolean createOnUpdate;
    private final boolean returnsDeleted;
    private final Function<String, List<String>> names;

    public GenericStrategy(Fields fields, boolean generation, boolean createOnUpdate, boolean returnsDeleted,
                           Function<String, List<String>> names) {
        this.fields = fields;
        this.generation = generation;
        this.createOnUpdate = createOnUpdate;
        this.returnsDeleted = returnsDeleted;
        this.names = names;
    }

    @Override
    public Fields fields() {
        return fields;
    }

    @Override
    public boolean tracksGeneration() {
        return generation;
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return createOnUpdate;
    }

    @Override
    public boolean returnsDeletedObject() {
        return returnsDeleted;
    }

    @Override
    public List<String> validateName(String name) {
        return names.apply(name);
    }
}
