package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdSchemaValidationTest {
    private static final String SHARED = "spec.validation.openAPIV3Schema";

    /** A CRD whose versions are given as JSON (single-quoted), plus extra spec fields. */
    private static JsonNode crd(String versions, String extraSpec) {
        return json("{'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',"
                + "'metadata':{'name':'widgets.example.com'},'spec':{'group':'example.com','scope':'Namespaced',"
                + "'names':{'plural':'widgets','singular':'widget','kind':'Widget','listKind':'WidgetList'},"
                + extraSpec + "'versions':" + versions + "}}");
    }

    private static String version(String name, String schema) {
        return "{'name':'" + name + "','served':true,'storage':" + name.equals("v1")
                + ",'schema':{'openAPIV3Schema':" + schema + "}}";
    }

    private static List<String> problems(JsonNode crd) {
        return messages(CrdSchemaValidation.validate(crd).problems());
    }

    @Test
    void aValidSchemaHasNoProblems() {
        CrdSchemaValidation.Result result = CrdSchemaValidation.validate(crd("[" + version("v1",
                "{'type':'object','properties':{'spec':{'type':'object','properties':{'size':{'type':'integer','default':1}}}}}")
                + "]", ""));
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void sharedSchemasAreReportedUnderSpecValidation() {
        String broken = "{'properties':{'spec':{'type':'object'}}}";
        assertThat(problems(crd("[" + version("v1", broken) + "]", "")))
                .containsExactly(SHARED + ".type: Required value: must not be empty at the root");
        assertThat(problems(crd("[" + version("v1", broken) + "," + version("v2", broken) + "]", "")))
                .containsExactly(SHARED + ".type: Required value: must not be empty at the root");
    }

    @Test
    void differingSchemasAreReportedPerVersion() {
        assertThat(problems(crd("[" + version("v1", "{'type':'object'}") + ","
                + version("v2", "{'type':'object','properties':{'a':{}}}") + "]", "")))
                .containsExactly("spec.versions[1].schema.openAPIV3Schema.properties[a].type: Required value: "
                        + "must not be empty for specified object fields");
    }

    @Test
    void everyVersionNeedsASchema() {
        assertThat(problems(crd("[{'name':'v1','served':true,'storage':true},"
                + version("v2", "{'type':'object'}") + "]", "")))
                .containsExactly("spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required");
        assertThat(problems(crd("[{'name':'v1','served':true,'storage':true},{'name':'v2','served':true,'storage':false}]", "")))
                .containsExactly(
                        "spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required",
                        "spec.versions[1].schema.openAPIV3Schema: Required value: schemas are required");
    }

    @Test
    void preserveUnknownFieldsCannotBeSetAndForbidsDefaults() {
        assertThat(problems(crd("[" + version("v1", "{'type':'object','properties':{'spec':{'type':'object',"
                + "'properties':{'size':{'type':'integer','default':1}}}}}") + "]", "'preserveUnknownFields':true,")))
                .containsExactly(
                        "spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema",
                        "spec.preserveUnknownFields: Invalid value: true: cannot set to true, set "
                                + "x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead");
    }

    @Test
    void theStatusSubresourceRestrictsTheRoot() {
        String withStatus = "[{'name':'v1','served':true,'storage':true,'subresources':{'status':{}},"
                + "'schema':{'openAPIV3Schema':%s}}]";
        List<FieldProblem> typeProblems = CrdSchemaValidation.validate(crd(String.format(withStatus,
                "{'type':'array','items':{'type':'string'}}"), "")).problems();
        assertThat(messages(typeProblems)).containsExactly(
                SHARED + ".type: Invalid value: \"array\": only \"object\" is allowed as the type at the root of the "
                        + "schema if the status subresource is enabled",
                SHARED + ".type: Invalid value: \"array\": must be object at the root");

        List<FieldProblem> fieldProblems = CrdSchemaValidation.validate(crd(String.format(withStatus,
                "{'type':'object','minProperties':1}"), "")).problems();
        assertThat(fieldProblems).hasSize(1);
        assertThat(fieldProblems.get(0).path()).isEqualTo(SHARED);
        assertThat(fieldProblems.get(0).detail()).isEqualTo("only [Description Type Format Title Maximum ExclusiveMaximum "
                + "Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required "
                + "Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the "
                + "root of the schema if the status subresource is enabled");

        assertThat(problems(crd(String.format(withStatus,
                "{'type':'object','description':'d','required':['spec'],'properties':{'spec':{'type':'object'}}}"), "")))
                .isEmpty();
    }

    @Test
    void theRootCannotBeNullable() {
        assertThat(problems(crd("[" + version("v1", "{'type':'object','nullable':true}") + "]", "")))
                .containsExactly(SHARED + ".nullable: Forbidden: nullable cannot be true at the root");
    }

    @Test
    void conversionErrorsShowOnlyWhenNothingElseIsReported() {
        assertThat(problems(crd("[" + version("v1", "{'type':'object','$schema':'http://json-schema.org/schema#'}") + "]", "")))
                .containsExactly(SHARED + ": Invalid value: \"\": OpenAPIV3Schema 'schema' is not supported");
        assertThat(problems(crd("[" + version("v1", "{'type':'object','properties':{'a':{'$ref':'#/b'}}}") + "]", "")))
                .containsExactly(SHARED + ".properties[a].$ref: Forbidden: $ref is not supported");
    }

    @Test
    void defaultsAreCheckedOnlyOnceTheSchemaIsStructural() {
        String spec = "'spec':{'type':'object','properties':{'size':{'type':'integer','maximum':10,'default':20}}}";
        assertThat(problems(crd("[" + version("v1", "{'type':'object','properties':{" + spec + "}}") + "]", "")))
                .containsExactly(SHARED + ".properties[spec].properties[size].default: Invalid value: 20:  in body "
                        + "should be less than or equal to 10");
        assertThat(problems(crd("[" + version("v1", "{'type':'object','properties':{" + spec + ",'other':{}}}") + "]", "")))
                .containsExactly(SHARED + ".properties[other].type: Required value: must not be empty for specified object fields");
    }

    @Test
    void celRulesAreAcceptedWithAWarning() {
        CrdSchemaValidation.Result result = CrdSchemaValidation.validate(crd("[" + version("v1",
                "{'type':'object','properties':{'spec':{'type':'object','x-kubernetes-validations':"
                        + "[{'rule':'self.a > 0'},{'rule':'has(self.b)'}],'properties':{'a':{'type':'integer'},"
                        + "'b':{'type':'string'}}}}}") + "]", ""));
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).containsExactly(SHARED + ".properties[spec].x-kubernetes-validations: "
                + "2 CEL rule(s) ignored: CEL validation is not supported by this server");
    }
}
