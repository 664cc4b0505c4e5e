package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsValidationTest {
    private static final String P = "spec.validation.openAPIV3Schema";

    private static List<String> problems(String propertiesJson) {
        return messages(DefaultsValidation.validate(schema("{'type':'object','properties':" + propertiesJson + "}"), P));
    }

    @Test
    void defaultsMustValidateAgainstTheirOwnSchema() {
        String at = P + ".properties[spec].properties[";
        assertThat(problems("{'spec':{'type':'object','properties':{"
                + "'size':{'type':'integer','maximum':10,'default':20},"
                + "'name':{'type':'string','maxLength':3,'default':'abcd'},"
                + "'color':{'type':'string','enum':['red','green'],'default':'blue'},"
                + "'ratio':{'type':'number','default':'x'},"
                + "'ok':{'type':'integer','default':5}}}}")).containsExactly(
                at + "size].default: Invalid value: 20:  in body should be less than or equal to 10",
                at + "name].default: Too long: may not be more than 3 bytes",
                at + "color].default: Unsupported value: \"blue\": supported values: \"red\", \"green\"",
                at + "ratio].default: Invalid value: \"string\":  in body must be of type number: \"string\"");
    }

    @Test
    void itemDefaultsAreCheckedAndMapValueDefaultsAreNot() {
        assertThat(problems("{'l':{'type':'array','items':{'type':'integer','minimum':0,'default':-1}},"
                + "'m':{'type':'object','additionalProperties':{'type':'integer','default':'x'}}}"))
                .containsExactly(P + ".properties[l].items.default: Invalid value: -1:  in body should be greater than or equal to 0");
    }

    @Test
    void intOrStringDefaultsAreNotTypeCheckedBecauseTheStructuralSchemaHasNoType() {
        assertThat(problems("{'port':{'x-kubernetes-int-or-string':true,'default':true}}")).isEmpty();
    }

    @Test
    void defaultsMustNotCarryFieldsTheSchemaWouldPrune() {
        assertThat(problems("{'spec':{'type':'object','default':{'known':1,'extra':2},'properties':{'known':{'type':'integer'}}},"
                + "'raw':{'type':'object','x-kubernetes-preserve-unknown-fields':true,'default':{'x':1}}}"))
                .containsExactly(P + ".properties[spec].default: Invalid value: map[string]interface {}{\"extra\":2, \"known\":1}: "
                        + "must not have unknown fields");
    }

    @Test
    void defaultsOfEmbeddedResourcesNeedValidTypeAndObjectMeta() {
        String embedded = "{'e':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true,"
                + "'default':%s}}";
        assertThat(problems(String.format(embedded, "{'apiVersion':'v1'}")))
                .containsExactly(P + ".properties[e].default.kind: Required value: must not be empty");
        assertThat(problems(String.format(embedded, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a/b'}}")))
                .containsExactly(P + ".properties[e].default.metadata.name: Invalid value: \"a/b\": may not contain '/'");
        assertThat(problems(String.format(embedded, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a'}}"))).isEmpty();
    }

    @Test
    void defaultsInsideEmbeddedTypeAndObjectMetaMustMakeValidMetadata() {
        String at = P + ".properties[e].properties[";
        assertThat(problems("{'e':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{"
                + "'apiVersion':{'type':'string','default':'a/b/c'},"
                + "'kind':{'type':'string','default':'Widget'},"
                + "'metadata':{'type':'object','properties':{'name':{'type':'string','default':'a/b'},"
                + "   'namespace':{'type':'string','default':'Bad_NS'}}}}}}")).containsExactly(
                at + "apiVersion].default: Invalid value: \"a/b/c\": must result in valid metadata: "
                        + "apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c",
                at + "metadata].properties[name].default: Invalid value: \"a/b\": must result in valid metadata: "
                        + "metadata.name: Invalid value: \"a/b\": may not contain '/'",
                at + "metadata].properties[namespace].default: Invalid value: \"Bad_NS\": must result in valid metadata: "
                        + "metadata.namespace: Invalid value: \"Bad_NS\": a lowercase RFC 1123 label must consist of lower case "
                        + "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                        + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    void metadataDefaultsThatDoNotDecodeAreReportedWithTheDecodingError() {
        assertThat(problems("{'e':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{"
                + "'metadata':{'type':'object','default':{'labels':'x'}}}}}")).containsExactly(
                P + ".properties[e].properties[metadata].default: Invalid value: map[string]interface {}{\"labels\":\"x\"}: "
                        + "must result in valid metadata: metadata: Invalid value: map[string]interface {}{\"labels\":\"x\"}: "
                        + "json: cannot unmarshal string into Go struct field ObjectMeta.labels of type map[string]string");
    }
}
