package io.wharf.api.validation.kinds;

import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one validation run in the order upstream appends them, with one
 * method per upstream constructor ({@code field.Invalid}, {@code field.Required}, ...) and its
 * fixed wording.
 */
final class Problems {
    private final List<FieldProblem> problems = new ArrayList<>();

    void invalid(FieldPath path, Object badValue, String detail) {
        problems.add(FieldProblem.invalid(path.toString(), badValue, detail));
    }

    /** One Invalid per message, as upstream does with the message lists of its format checks. */
    void invalidEach(FieldPath path, Object badValue, List<String> details) {
        for (String detail : details) {
            invalid(path, badValue, detail);
        }
    }

    /** {@code field.Invalid} with {@code field.OmitValueType{}}: the message names no value. */
    void invalidOmittingValue(FieldPath path, String detail) {
        // A value-less Invalid renders as "Invalid value: <detail>", which this reproduces.
        problems.add(new FieldProblem(FieldProblem.Type.INVALID, path.toString(), GoValues.text(detail), ""));
    }

    void required(FieldPath path, String detail) {
        problems.add(FieldProblem.required(path.toString(), detail));
    }

    void forbidden(FieldPath path, String detail) {
        problems.add(FieldProblem.forbidden(path.toString(), detail));
    }

    void notSupported(FieldPath path, Object badValue, List<String> supported) {
        problems.add(FieldProblem.notSupported(path.toString(), badValue, supported));
    }

    void duplicate(FieldPath path, Object badValue) {
        problems.add(new FieldProblem(FieldProblem.Type.DUPLICATE, path.toString(), badValue, ""));
    }

    /** A Duplicate carrying an explanation, as upstream builds for node taints. */
    void duplicate(FieldPath path, Object badValue, String detail) {
        problems.add(new FieldProblem(FieldProblem.Type.DUPLICATE, path.toString(), badValue, detail));
    }

    void notFound(FieldPath path, Object badValue) {
        problems.add(new FieldProblem(FieldProblem.Type.NOT_FOUND, path.toString(), badValue, ""));
    }

    /** {@code field.TooLong}: the value is never echoed, only the limit. */
    void tooLong(FieldPath path, int maxBytes) {
        problems.add(FieldProblem.tooLong(path.toString(), maxBytes));
    }

    /** {@code field.TooMany}: the list's length and the limit. */
    void tooMany(FieldPath path, int actual, int max) {
        problems.add(new FieldProblem(FieldProblem.Type.TOO_MANY, path.toString(), actual, "must have at most " + max + " items"));
    }

    void add(FieldProblem problem) {
        problems.add(problem);
    }

    void addAll(List<FieldProblem> more) {
        problems.addAll(more);
    }

    /** Problems reported relative to a value (path ""), placed at {@code path}. */
    void addAllAt(FieldPath path, List<FieldProblem> relative) {
        for (FieldProblem p : relative) {
            problems.add(p.withPathPrefix(path.toString()));
        }
    }

    int size() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<FieldProblem> list() {
        return problems;
    }
}
