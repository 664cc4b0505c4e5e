package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.crd.OpenApiResult.Code;
import io.wharf.api.crd.OpenApiResult.Error;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiErrorsTest {
    private static OpenApiResult result(Error... errors) {
        OpenApiResult r = new OpenApiResult();
        for (Error e : errors) {
            r.add(e);
        }
        return r;
    }

    @Test
    void compositeErrorsSitAtTheGivenPathOrNil() {
        OpenApiResult r = result(Error.composite("\"spec\" must validate at least one schema (anyOf)"));
        assertThat(messages(OpenApiErrors.toFieldProblems(null, r)))
                .containsExactly("<nil>: Invalid value: \"\": \"spec\" must validate at least one schema (anyOf)");
        assertThat(messages(OpenApiErrors.toFieldProblems("status", r)))
                .containsExactly("status: Invalid value: \"\": \"spec\" must validate at least one schema (anyOf)");
    }

    @Test
    void namesBecomeChildPathsWithoutTheirLeadingDot() {
        OpenApiResult r = result(
                Error.of(Code.REQUIRED, ".spec", ".spec in body is required", null),
                Error.of(Code.INVALID_TYPE, ".", ". in body must be of type object: \"string\"", "string"),
                Error.of(Code.PATTERN, "x.y", "x.y in body should match '^a'", "b"));
        List<FieldProblem> problems = OpenApiErrors.toFieldProblems("status", r);
        assertThat(messages(problems)).containsExactly(
                "status.spec: Required value",
                "status: Invalid value: \"string\": . in body must be of type object: \"string\"",
                "status.x.y: Invalid value: \"b\": x.y in body should match '^a'");
        assertThat(problems.get(1).type()).isEqualTo(FieldProblem.Type.TYPE_INVALID);
        assertThat(problems.get(1).type().causeType()).isEqualTo("FieldValueTypeInvalid");
    }

    @Test
    void sizeAndEnumErrorsBecomeTheirFieldErrorKinds() {
        OpenApiResult r = result(
                new Error(Code.TOO_LONG, "a", "a in body should be at most 3 chars long", "abcd", 3, List.of()),
                new Error(Code.TOO_LONG, "b", "b is too long", "abcd", -1, List.of()),
                new Error(Code.MAX_ITEMS, "c", "c in body should have at most 2 items", 3L, 2, List.of()),
                new Error(Code.TOO_MANY_PROPERTIES, "d", "d in body should have at most 1 properties", 2L, 1, List.of()),
                new Error(Code.ENUM, "e", "e in body should be one of [a 1 map[k:true]]", "z", -1,
                        List.of(json("'a'"), json("1"), json("{'k':true}"))));
        assertThat(messages(OpenApiErrors.toFieldProblems(null, r))).containsExactly(
                "a: Too long: may not be more than 3 bytes",
                "b: Too long: value is too long",
                "c: Too many: 3: must have at most 2 items",
                "d: Too many: 2: must have at most 1 items",
                "e: Unsupported value: \"z\": supported values: \"a\", \"1\", \"{\\\"k\\\":true}\"");
    }
}
