package io.wharf.api.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Applies Wharf's {@code descriptor-additions.txt} (the v1.32 messages and fields that
 * client-java-proto lacks) to the file descriptor protos of client-java-proto; the file's header
 * documents the format.
 */
final class DescriptorAdditions {
    static final String RESOURCE = "descriptor-additions.txt";

    private static final Map<String, FieldDescriptorProto.Type> SCALARS = Map.of(
            "string", FieldDescriptorProto.Type.TYPE_STRING,
            "int32", FieldDescriptorProto.Type.TYPE_INT32,
            "int64", FieldDescriptorProto.Type.TYPE_INT64,
            "bool", FieldDescriptorProto.Type.TYPE_BOOL,
            "double", FieldDescriptorProto.Type.TYPE_DOUBLE,
            "bytes", FieldDescriptorProto.Type.TYPE_BYTES);

    private final Map<String, FileDescriptorProto.Builder> filesByPackage;
    private FileDescriptorProto.Builder file;
    private DescriptorProto.Builder message;

    private DescriptorAdditions(Map<String, FileDescriptorProto.Builder> filesByPackage) {
        this.filesByPackage = filesByPackage;
    }

    /** Applies the bundled additions; files for new packages are added to {@code filesByPackage}. */
    static void applyBundled(Map<String, FileDescriptorProto.Builder> filesByPackage) {
        try (InputStream in = DescriptorAdditions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            apply(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), filesByPackage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void apply(List<String> lines, Map<String, FileDescriptorProto.Builder> filesByPackage) {
        DescriptorAdditions additions = new DescriptorAdditions(filesByPackage);
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                String[] words = trimmed.split("\\s+");
                if (Character.isWhitespace(line.charAt(0))) {
                    additions.field(words);
                } else {
                    additions.directive(words);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
    }

    /** An unindented line: {@code package} or {@code message}. */
    private void directive(String[] words) {
        switch (words[0]) {
            case "package" -> {
                file = filesByPackage.computeIfAbsent(words[1], DescriptorAdditions::newFile);
                message = null;
            }
            case "message" -> message = message(words[1]);
            default -> throw new IllegalStateException("unknown directive " + words[0]);
        }
    }

    /** An indented line: a field to add or remove. */
    private void field(String[] words) {
        if (message == null) {
            throw new IllegalStateException("field outside a message");
        }
        if (words[0].startsWith("-")) {
            remove(words[0].substring(1));
        } else {
            add(words[0], Integer.parseInt(words[1]), String.join(" ", List.of(words).subList(2, words.length)));
        }
    }

    private static FileDescriptorProto.Builder newFile(String pkg) {
        return FileDescriptorProto.newBuilder()
                .setName("wharf/" + pkg.replace('.', '/') + ".proto")
                .setPackage(pkg)
                .setSyntax("proto2");
    }

    private DescriptorProto.Builder message(String name) {
        if (file == null) {
            throw new IllegalStateException("message outside a package");
        }
        for (DescriptorProto.Builder m : file.getMessageTypeBuilderList()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        return file.addMessageTypeBuilder().setName(name);
    }

    private void remove(String field) {
        for (int i = 0; i < message.getFieldCount(); i++) {
            if (message.getField(i).getName().equals(field)) {
                message.removeField(i);
                return;
            }
        }
        throw new IllegalStateException(message.getName() + " has no field " + field + " to remove");
    }

    private void add(String name, int number, String type) {
        for (FieldDescriptorProto f : message.getFieldList()) {
            if (f.getName().equals(name) || f.getNumber() == number) {
                throw new IllegalStateException(message.getName() + " already has field " + f.getName() + " = " + f.getNumber());
            }
        }
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setJsonName(name);
        if (type.startsWith("map<") && type.endsWith(">")) {
            String[] kv = type.substring(4, type.length() - 1).split(",", 2);
            if (!kv[0].strip().equals("string")) {
                throw new IllegalStateException("only string map keys occur: " + type);
            }
            // protoc's representation of a map: a repeated, generated "<Field>Entry" message.
            String entryName = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Entry";
            DescriptorProto.Builder entry = DescriptorProto.newBuilder().setName(entryName)
                    .setOptions(MessageOptions.newBuilder().setMapEntry(true));
            entry.addField(typed(FieldDescriptorProto.newBuilder().setName("key").setNumber(1).setJsonName("key"), "string")
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
            entry.addField(typed(FieldDescriptorProto.newBuilder().setName("value").setNumber(2).setJsonName("value"),
                    kv[1].strip()).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
            message.addNestedType(entry);
            field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                    .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                    .setTypeName("." + file.getPackage() + "." + message.getName() + "." + entryName);
        } else if (type.startsWith("repeated ")) {
            typed(field, type.substring("repeated ".length()).strip()).setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
        } else {
            typed(field, type).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
        }
        message.addField(field);
    }

    /** Sets a scalar type, or a message type and the dependency on the file that declares it. */
    private FieldDescriptorProto.Builder typed(FieldDescriptorProto.Builder field, String type) {
        FieldDescriptorProto.Type scalar = SCALARS.get(type);
        if (scalar != null) {
            return field.setType(scalar);
        }
        String fullName = type.contains(".") ? type : file.getPackage() + "." + type;
        String pkg = fullName.substring(0, fullName.lastIndexOf('.'));
        if (!pkg.equals(file.getPackage())) {
            FileDescriptorProto.Builder declaring = filesByPackage.get(pkg);
            if (declaring == null) {
                throw new IllegalStateException("no proto file for package " + pkg);
            }
            if (!file.getDependencyList().contains(declaring.getName())) {
                file.addDependency(declaring.getName());
            }
        }
        return field.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName("." + fullName);
    }
}
