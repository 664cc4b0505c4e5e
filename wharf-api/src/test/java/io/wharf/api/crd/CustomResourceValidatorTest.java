package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.object;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomResourceValidatorTest {
    private static final CustomResourceValidator VALIDATOR = CustomResourceValidator.forSchema(json("{'type':'object',"
            + "'properties':{'spec':{'type':'object','properties':{"
            + "  'size':{'type':'integer','maximum':10},"
            + "  'tags':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'}},"
            + "  'template':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true}},"
            + "  'x-kubernetes-validations':[{'rule':'self.size > 0'}]},"
            + "'status':{'type':'object','properties':{'replicas':{'type':'integer','minimum':0},"
            + "  'conditions':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['type'],"
            + "    'items':{'type':'object','required':['type'],'properties':{'type':{'type':'string'}},"
            + "    'x-kubernetes-validations':[{'rule':'true'},{'rule':'true'}]}}}}}}"));

    @Test
    void typeMetaMustBeTheServedKind() {
        assertThat(messages(CustomResourceValidator.validateTypeMeta(json("{'apiVersion':'example.com/v2','kind':'Bar'}"),
                "example.com", "v1", "Widget"))).containsExactly(
                "kind: Invalid value: \"Bar\": must be Widget",
                "apiVersion: Invalid value: \"example.com/v2\": must be example.com/v1");
        assertThat(messages(CustomResourceValidator.validateTypeMeta(json("{'kind':7}"), "example.com", "v1", "Widget")))
                .containsExactly(
                        "kind: Invalid value: \"\": must be Widget",
                        "apiVersion: Invalid value: \"\": must be example.com/v1");
        assertThat(CustomResourceValidator.validateTypeMeta(json("{'apiVersion':'example.com/v1','kind':'Widget'}"),
                "example.com", "v1", "Widget")).isEmpty();
    }

    @Test
    void valuesThenEmbeddedResourcesThenListUniqueness() {
        assertThat(messages(VALIDATOR.validate(object("{'spec':{'size':11,'tags':['a','a'],'template':{'kind':'Pod'}}}"))))
                .containsExactly(
                        "spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10",
                        "spec.template.apiVersion: Required value: must not be empty",
                        "spec.tags[1]: Duplicate value: \"a\"");
    }

    @Test
    void updatesKeepListDuplicatesTheOldObjectAlreadyHad() {
        assertThat(messages(VALIDATOR.validateUpdate(object("{'spec':{'tags':['a','a','b','b']}}"),
                object("{'spec':{'tags':['a','a']}}")))).isEmpty();
        assertThat(messages(VALIDATOR.validateUpdate(object("{'spec':{'tags':['b','b'],'size':20}}"),
                object("{'spec':{'tags':['a']}}")))).containsExactly(
                "spec.size: Invalid value: 20: spec.size in body should be less than or equal to 10",
                "spec.tags[1]: Duplicate value: \"b\"");
    }

    @Test
    void statusUpdatesValidateOnlyTheStatusAgainstItsSchema() {
        assertThat(messages(VALIDATOR.validateStatusUpdate(
                object("{'spec':{'size':99},'status':{'replicas':-1,'conditions':[{'type':'A'},{'type':'A'},{}]}}"),
                object("{'spec':{'size':99}}")))).containsExactly(
                "status.replicas: Invalid value: -1: replicas in body should be greater than or equal to 0",
                "status.conditions[2].type: Required value",
                "status.conditions[1]: Duplicate value: map[string]interface {}{\"type\":\"A\"}");
        assertThat(VALIDATOR.validateStatusUpdate(object("{'spec':{'tags':['x','x']}}"),
                object("{'spec':{'tags':['y','y']}}"))).isEmpty();
    }

    @Test
    void celRulesAreNamedAsIgnored() {
        assertThat(VALIDATOR.ignoredValidationRules()).containsExactly(
                "openAPIV3Schema.properties[spec].x-kubernetes-validations: 1 CEL rule(s) ignored: CEL validation is not "
                        + "supported by this server",
                "openAPIV3Schema.properties[status].properties[conditions].items.x-kubernetes-validations: 2 CEL rule(s) "
                        + "ignored: CEL validation is not supported by this server");
    }
}
