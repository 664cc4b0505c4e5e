package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedResourceValidationTest {
    private static final StructuralSchema SCHEMA = schema("{'type':'object','properties':{'spec':{'type':'object',"
            + "'properties':{"
            + "'e':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true},"
            + "'list':{'type':'array','items':{'type':'object','x-kubernetes-embedded-resource':true,"
            + "  'x-kubernetes-preserve-unknown-fields':true}},"
            + "'map':{'type':'object','additionalProperties':{'type':'object','x-kubernetes-embedded-resource':true,"
            + "  'x-kubernetes-preserve-unknown-fields':true}}}}}}");

    private static List<String> problems(String object) {
        return messages(EmbeddedResourceValidation.validate(null, json(object), SCHEMA));
    }

    @Test
    void embeddedObjectsNeedApiVersionAndKindButNotTheRoot() {
        assertThat(problems("{'spec':{'e':{}}}")).containsExactly(
                "spec.e.apiVersion: Required value: must not be empty",
                "spec.e.kind: Required value: must not be empty");
        assertThat(problems("{'spec':{'e':{'apiVersion':'v1','kind':'Pod'}}}")).isEmpty();
    }

    @Test
    void typeMetaMustBeStringsThatParse() {
        assertThat(problems("{'spec':{'e':{'apiVersion':5,'kind':''}}}")).containsExactly(
                "spec.e.apiVersion: Invalid value: 5: must be a string",
                "spec.e.kind: Invalid value: \"\": must not be empty");
        assertThat(problems("{'spec':{'e':{'apiVersion':'a/b/c','kind':'my_kind'}}}")).containsExactly(
                "spec.e.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c",
                "spec.e.kind: Invalid value: \"my_kind\": may have mixed case, but should otherwise match: a DNS-1035 "
                        + "label must consist of lower case alphanumeric characters or '-', start with an "
                        + "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
                        + "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
        assertThat(problems("{'spec':{'e':{'apiVersion':'','kind':'MyKind'}}}"))
                .containsExactly("spec.e.apiVersion: Invalid value: \"\": must not be empty");
    }

    @Test
    void metadataMustDecodeAndValidate() {
        assertThat(problems("{'spec':{'e':{'apiVersion':'v1','kind':'Pod','metadata':{'name':5}}}}")).containsExactly(
                "spec.e.metadata: Invalid value: map[string]interface {}{\"name\":5}: json: cannot unmarshal number "
                        + "into Go struct field ObjectMeta.name of type string");
        assertThat(problems("{'spec':{'e':{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a/b'}}}}"))
                .containsExactly("spec.e.metadata.name: Invalid value: \"a/b\": may not contain '/'");
    }

    @Test
    void embeddedObjectsInListsAndMapsAreFoundByPath() {
        assertThat(problems("{'spec':{'list':[{'apiVersion':'v1','kind':'A'},{'apiVersion':'v1'}],"
                + "'map':{'k':{'kind':'B'}}}}")).containsExactly(
                "spec.list[1].kind: Required value: must not be empty",
                "spec.map[k].apiVersion: Required value: must not be empty");
    }
}
