package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.crd.SchemaValueValidator.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValueValidatorTest {
    /** Problems of a custom resource whose spec.x has schema {@code field} and value {@code value}. */
    private static List<String> x(String field, String value) {
        return x(Mode.CUSTOM_RESOURCE, field, value);
    }

    private static List<String> x(Mode mode, String field, String value) {
        StructuralSchema s = schema("{'type':'object','properties':{'spec':{'type':'object','properties':{'x':" + field + "}}}}");
        return messages(new SchemaValueValidator(s, mode).validate(null, json("{'spec':{'x':" + value + "}}")));
    }

    @Test
    void typeErrorsNameTheJsonTypeOfTheValue() {
        String integer = "{'type':'integer'}";
        assertThat(x(integer, "'3'")).containsExactly(
                "spec.x: Invalid value: \"string\": spec.x in body must be of type integer: \"string\"");
        assertThat(x(integer, "1.5")).containsExactly(
                "spec.x: Invalid value: \"number\": spec.x in body must be of type integer: \"number\"");
        assertThat(x(integer, "true")).containsExactly(
                "spec.x: Invalid value: \"boolean\": spec.x in body must be of type integer: \"boolean\"");
        assertThat(x(integer, "{}")).containsExactly(
                "spec.x: Invalid value: \"object\": spec.x in body must be of type integer: \"object\"");
        assertThat(x(integer, "[]")).containsExactly(
                "spec.x: Invalid value: \"array\": spec.x in body must be of type integer: \"array\"");
    }

    @Test
    void wholeFloatsCountAsIntegersAndIntegersAsNumbers() {
        assertThat(x("{'type':'integer'}", "2.0")).isEmpty();
        assertThat(x("{'type':'number'}", "2")).isEmpty();
        // within kube-openapi's relative tolerance of a whole number, but only for non-negative values
        assertThat(x("{'type':'integer'}", "2.0000000000000004")).isEmpty();
        assertThat(x("{'type':'integer'}", "-2.0000000000000004")).containsExactly(
                "spec.x: Invalid value: \"number\": spec.x in body must be of type integer: \"number\"");
        assertThat(x("{'type':'integer'}", "-2.0")).isEmpty();
    }

    @Test
    void nullNeedsNullableAndNeverMatchesAnEnum() {
        assertThat(x("{'type':'integer'}", "null")).containsExactly(
                "spec.x: Invalid value: \"null\": spec.x in body must be of type integer: \"null\"");
        assertThat(x("{'type':'integer','nullable':true}", "null")).isEmpty();
        assertThat(x("{'type':'string','nullable':true,'enum':['a','b']}", "null")).containsExactly(
                "spec.x: Unsupported value: \"null\": supported values: \"a\", \"b\"");
    }

    @Test
    void boundsInclusiveAndExclusive() {
        StructuralSchema s = schema("{'type':'object','properties':{'spec':{'type':'object','properties':{"
                + "'max':{'type':'integer','maximum':10},'xmax':{'type':'integer','maximum':10,'exclusiveMaximum':true},"
                + "'min':{'type':'integer','minimum':1},'xmin':{'type':'integer','minimum':1,'exclusiveMinimum':true}}}}}");
        List<String> problems = messages(new SchemaValueValidator(s, Mode.CUSTOM_RESOURCE).validate(null,
                json("{'spec':{'max':11,'xmax':10,'min':0,'xmin':1}}")));
        assertThat(problems).containsExactly(
                "spec.max: Invalid value: 11: spec.max in body should be less than or equal to 10",
                "spec.xmax: Invalid value: 10: spec.xmax in body should be less than 10",
                "spec.min: Invalid value: 0: spec.min in body should be greater than or equal to 1",
                "spec.xmin: Invalid value: 1: spec.xmin in body should be greater than 1");
    }

    @Test
    void integerValuesMeetBoundsTruncatedToIntegers() {
        assertThat(x("{'type':'number','maximum':2.5}", "3")).containsExactly(
                "spec.x: Invalid value: 3: spec.x in body should be less than or equal to 2");
        assertThat(x("{'type':'number','maximum':2.5}", "2.7")).containsExactly(
                "spec.x: Invalid value: 2.7: spec.x in body should be less than or equal to 2.5");
        assertThat(x("{'type':'number','maximum':1e6}", "1e7")).containsExactly(
                "spec.x: Invalid value: 1e+07: spec.x in body should be less than or equal to 1e+06");
    }

    @Test
    void multipleOfForIntegersAndFloats() {
        assertThat(x("{'type':'integer','multipleOf':2}", "7")).containsExactly(
                "spec.x: Invalid value: 7: spec.x in body should be a multiple of 2");
        // 0.07 / 0.01 is 7.000000000000001: close enough when positive, not when negative
        assertThat(x("{'type':'number','multipleOf':0.01}", "0.07")).isEmpty();
        assertThat(x("{'type':'number','multipleOf':0.01}", "-0.07")).containsExactly(
                "spec.x: Invalid value: -0.07: spec.x in body should be a multiple of 0.01");
        assertThat(x("{'type':'number','multipleOf':0.01}", "0.075")).containsExactly(
                "spec.x: Invalid value: 0.075: spec.x in body should be a multiple of 0.01");
        assertThat(x("{'type':'number','multipleOf':0.5}", "3")).containsExactly(
                "spec.x: Invalid value: 0: factor MultipleOf declared for spec.x must be positive: 0");
    }

    @Test
    void stringLengthCountsRunesAndStopsAtTheFirstFailure() {
        assertThat(x("{'type':'string','maxLength':3,'pattern':'^[0-9]+$'}", "'abcd'"))
                .containsExactly("spec.x: Too long: may not be more than 3 bytes");
        assertThat(x("{'type':'string','maxLength':3}", "'\u00e9\u00e9\u00e9'")).isEmpty();
        assertThat(x("{'type':'string','minLength':2}", "'a'")).containsExactly(
                "spec.x: Invalid value: \"a\": spec.x in body should be at least 2 chars long");
        assertThat(x("{'type':'string','pattern':'^[a-z]+$'}", "'abc1'")).containsExactly(
                "spec.x: Invalid value: \"abc1\": spec.x in body should match '^[a-z]+$'");
        assertThat(x("{'type':'string','pattern':'[0-9]'}", "'abc1def'")).isEmpty();
    }

    @Test
    void knownFormatsAreCheckedAndOthersIgnored() {
        assertThat(x("{'type':'string','format':'ipv4'}", "'1.2.3'")).containsExactly(
                "spec.x: Invalid value: \"1.2.3\": spec.x in body must be of type ipv4: \"1.2.3\"");
        assertThat(x("{'type':'string','format':'date-time'}", "'yesterday'")).containsExactly(
                "spec.x: Invalid value: \"yesterday\": spec.x in body must be of type date-time: \"yesterday\"");
        assertThat(x("{'type':'string','format':'date-time'}", "'2024-05-01T10:00:00Z'")).isEmpty();
        assertThat(x("{'type':'string','format':'int32'}", "'abc'")).isEmpty();
        assertThat(x("{'type':'string','format':'int-or-string'}", "'abc'")).isEmpty();
    }

    @Test
    void customResourcesDropUnknownFormatsButDefaultsKeepThem() {
        String field = "{'type':'string','format':'int32'}";
        assertThat(x(Mode.CUSTOM_RESOURCE, field, "5")).containsExactly(
                "spec.x: Invalid value: \"integer\": spec.x in body must be of type string: \"integer\"");
        assertThat(x(Mode.DEFAULT_VALUE, field, "5")).containsExactly(
                "spec.x: Invalid value: \"int64\": spec.x in body must be of type int32: \"int64\"");
    }

    @Test
    void intOrStringAcceptsIntegersAndStringsOnlyInCustomResources() {
        String field = "{'x-kubernetes-int-or-string':true}";
        assertThat(x(field, "5")).isEmpty();
        assertThat(x(field, "'25%'")).isEmpty();
        assertThat(x(field, "true")).containsExactly(
                "spec.x: Invalid value: \"boolean\": spec.x in body must be of type integer,string: \"boolean\"");
        assertThat(x(field, "null")).containsExactly(
                "spec.x: Invalid value: \"null\": spec.x in body must be of type integer,string: \"null\"");
        assertThat(x(Mode.DEFAULT_VALUE, field, "true")).isEmpty();
    }

    @Test
    void enumMembersCompareAfterGoTypeConversion() {
        assertThat(x("{'type':'string','enum':['red','green']}", "'purple'")).containsExactly(
                "spec.x: Unsupported value: \"purple\": supported values: \"red\", \"green\"");
        assertThat(x("{'type':'integer','enum':[1,2]}", "3")).containsExactly(
                "spec.x: Unsupported value: 3: supported values: \"1\", \"2\"");
        assertThat(x("{'type':'number','enum':[1]}", "1.7")).isEmpty();
        assertThat(x("{'enum':['A'],'x-kubernetes-preserve-unknown-fields':true}", "65")).isEmpty();
        assertThat(x("{'type':'object','x-kubernetes-preserve-unknown-fields':true,'enum':[{'a':1}]}", "{'a':2}"))
                .containsExactly("spec.x: Unsupported value: map[string]interface {}{\"a\":2}: supported values: \"{\\\"a\\\":1}\"");
    }

    @Test
    void enumErrorsWhoseMembersPrintAlikeAreReportedOnce() {
        assertThat(x("{'x-kubernetes-preserve-unknown-fields':true,'allOf':[{'enum':['1']},{'enum':[1]}]}", "2"))
                .containsExactly(
                        "spec.x: Unsupported value: 2: supported values: \"1\"",
                        "<nil>: Invalid value: \"\": \"spec.x\" must validate all the schemas (allOf). None validated");
    }

    @Test
    void arraySizesUniquenessAndItems() {
        assertThat(x("{'type':'array','items':{'type':'integer'},'minItems':1}", "[]")).containsExactly(
                "spec.x: Invalid value: 0: spec.x in body should have at least 1 items");
        assertThat(x("{'type':'array','items':{'type':'integer'},'maxItems':1}", "[1,2]")).containsExactly(
                "spec.x: Too many: 2: must have at most 1 items");
        assertThat(x("{'type':'array','items':{'type':'number'},'uniqueItems':true}", "[1,2,1]")).containsExactly(
                "spec.x: Invalid value: \"\": spec.x in body shouldn't contain duplicates");
        assertThat(x("{'type':'array','items':{'type':'number'},'uniqueItems':true}", "[1,1.0]")).isEmpty();
        assertThat(x("{'type':'array','items':{'type':'integer','maximum':5}}", "[1,9]")).containsExactly(
                "spec.x[1]: Invalid value: 9: spec.x[1] in body should be less than or equal to 5");
    }

    @Test
    void objectsRequiredCountsAndAdditionalProperties() {
        assertThat(x("{'type':'object','required':['a'],'properties':{'a':{'type':'string'}}}", "{}"))
                .containsExactly("spec.x.a: Required value");
        assertThat(x("{'type':'object','minProperties':2,'additionalProperties':{'type':'integer'}}", "{'a':1}"))
                .containsExactly("spec.x: Invalid value: 1: spec.x in body should have at least 2 properties");
        assertThat(x("{'type':'object','maxProperties':1,'additionalProperties':{'type':'integer'}}", "{'a':1,'b':2}"))
                .containsExactly("spec.x: Too many: 2: must have at most 1 items");
        assertThat(x("{'type':'object','additionalProperties':false}", "{'a':1}"))
                .containsExactly("spec.x: Invalid value: \"a\": spec.x.a in body is a forbidden property");
        assertThat(x("{'type':'object','additionalProperties':{'type':'integer'}}", "{'k':'v'}"))
                .containsExactly("spec.x.k: Invalid value: \"string\": spec.x.k in body must be of type integer: \"string\"");

        StructuralSchema root = schema("{'type':'object','required':['spec'],'properties':{'spec':{'type':'object'}}}");
        assertThat(messages(new SchemaValueValidator(root, Mode.CUSTOM_RESOURCE).validate(null, json("{}"))))
                .containsExactly("spec: Required value");
    }

    @Test
    void anyOfReportsTheBestFailingBranch() {
        assertThat(x("{'type':'integer','anyOf':[{'minimum':5},{'maximum':1}]}", "3")).containsExactly(
                "<nil>: Invalid value: \"\": \"spec.x\" must validate at least one schema (anyOf)",
                "spec.x: Invalid value: 3: spec.x in body should be greater than or equal to 5");
        assertThat(x("{'type':'integer','anyOf':[{'minimum':5},{'maximum':4}]}", "3")).isEmpty();
    }

    @Test
    void oneOfNeedsExactlyOneMatch() {
        assertThat(x("{'type':'integer','oneOf':[{'minimum':0},{'maximum':10}]}", "5")).containsExactly(
                "<nil>: Invalid value: \"\": \"spec.x\" must validate one and only one schema (oneOf). Found 2 valid alternatives");
        assertThat(x("{'type':'integer','oneOf':[{'minimum':10},{'maximum':0}]}", "5")).containsExactly(
                "<nil>: Invalid value: \"\": \"spec.x\" must validate one and only one schema (oneOf). Found none valid",
                "spec.x: Invalid value: 5: spec.x in body should be greater than or equal to 10");
        assertThat(x("{'type':'integer','oneOf':[{'minimum':10},{'maximum':6}]}", "5")).isEmpty();
    }

    @Test
    void allOfReportsEveryBranchAndNotInvertsItsBranch() {
        assertThat(x("{'type':'integer','allOf':[{'minimum':10},{'maximum':0}]}", "5")).containsExactly(
                "spec.x: Invalid value: 5: spec.x in body should be greater than or equal to 10",
                "spec.x: Invalid value: 5: spec.x in body should be less than or equal to 0",
                "<nil>: Invalid value: \"\": \"spec.x\" must validate all the schemas (allOf). None validated");
        assertThat(x("{'type':'integer','allOf':[{'minimum':0},{'maximum':0}]}", "5")).containsExactly(
                "spec.x: Invalid value: 5: spec.x in body should be less than or equal to 0",
                "<nil>: Invalid value: \"\": \"spec.x\" must validate all the schemas (allOf)");
        assertThat(x("{'type':'integer','allOf':[{'minimum':10},{'minimum':10}]}", "5")).containsExactly(
                "spec.x: Invalid value: 5: spec.x in body should be greater than or equal to 10",
                "<nil>: Invalid value: \"\": \"spec.x\" must validate all the schemas (allOf). None validated");
        assertThat(x("{'type':'integer','not':{'minimum':0}}", "5")).containsExactly(
                "<nil>: Invalid value: \"\": \"spec.x\" must not validate the schema (not)");
    }

    @Test
    void statusIsValidatedAgainstItsOwnSchemaUnderTheStatusPath() {
        StructuralSchema status = schema("{'type':'object','properties':{'x':{'type':'integer','anyOf':[{'minimum':5}]}}}");
        SchemaValueValidator v = new SchemaValueValidator(status, Mode.CUSTOM_RESOURCE);
        assertThat(messages(v.validate("status", json("'ready'")))).containsExactly(
                "status: Invalid value: \"string\":  in body must be of type object: \"string\"");
        assertThat(messages(v.validate("status", json("{'x':1}")))).containsExactly(
                "status: Invalid value: \"\": \"x\" must validate at least one schema (anyOf)",
                "status.x: Invalid value: 1: x in body should be greater than or equal to 5");
    }
}
