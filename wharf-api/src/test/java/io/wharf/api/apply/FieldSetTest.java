package io.wharf.api.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSetTest {
    private static final FieldPath A = FieldPath.of("a");
    private static final FieldPath AB = FieldPath.of("a", "b");
    private static final FieldPath AC = FieldPath.of("a", "c");
    private static final FieldPath ABD = FieldPath.of("a", "b", "d");
    private static final FieldPath X = FieldPath.of("x");

    private static List<String> paths(FieldSet s) {
        return s.paths().stream().map(FieldPath::toString).toList();
    }

    @Test
    void unionKeepsEveryPath() {
        FieldSet s = FieldSet.of(AB, X).union(FieldSet.of(AC, A));
        assertThat(paths(s)).containsExactly(".a", ".x", ".a.b", ".a.c");
        assertThat(s.size()).isEqualTo(4);
    }

    @Test
    void intersectionKeepsCommonPathsOnly() {
        FieldSet s = FieldSet.of(A, AB, AC).intersection(FieldSet.of(AB, ABD, X));
        assertThat(paths(s)).containsExactly(".a.b");
    }

    @Test
    void differenceRemovesExactPathsOnly() {
        FieldSet s = FieldSet.of(A, AB, ABD).difference(FieldSet.of(A, ABD));
        // a member of the other set does not take the paths below it away
        assertThat(paths(s)).containsExactly(".a.b");
    }

    @Test
    void recursiveDifferenceAlsoRemovesWhatIsBelow() {
        FieldSet s = FieldSet.of(A, AB, ABD, X).recursiveDifference(FieldSet.of(AB));
        assertThat(paths(s)).containsExactly(".a", ".x");
    }

    @Test
    void leavesDropMembersThatAreAlsoParents() {
        FieldSet s = FieldSet.of(A, AB, ABD).leaves();
        assertThat(paths(s)).containsExactly(".a.b.d");
    }

    @Test
    void emptyChildrenNeverRemain() {
        FieldSet s = FieldSet.of(ABD).difference(FieldSet.of(ABD));
        assertThat(s.isEmpty()).isTrue();
        assertThat(s).isEqualTo(FieldSet.empty());
        assertThat(FieldSet.of(FieldPath.of())).isEqualTo(FieldSet.empty());
    }

    @Test
    void hasAndWithPrefix() {
        FieldSet s = FieldSet.of(AB, ABD);
        assertThat(s.has(AB)).isTrue();
        assertThat(s.has(A)).isFalse();
        assertThat(s.has(FieldPath.of())).isFalse();
        assertThat(paths(s.withPrefix(PathElement.field("a")))).containsExactly(".b", ".b.d");
        assertThat(s.withPrefix(PathElement.field("zz")).isEmpty()).isTrue();
    }

    @Test
    void numbersOfEitherSpellingAreTheSameValue() {
        FieldSet s = FieldSet.of(FieldPath.of("p", new PathElement.Value(IntNode.valueOf(80))));
        assertThat(s.has(FieldPath.of("p", new PathElement.Value(DecimalNode.valueOf(new BigDecimal("80.0")))))).isTrue();
    }

    @Test
    void pathStringsFollowUpstream() {
        PathElement key = new PathElement.Key(List.of(new PathElement.KeyField("name", TextNode.valueOf("nginx")),
                new PathElement.KeyField("port", IntNode.valueOf(80))));
        assertThat(FieldPath.of("spec", "containers", key, "image").toString())
                .isEqualTo(".spec.containers[name=\"nginx\",port=80].image");
        assertThat(FieldPath.of("finalizers", new PathElement.Value(TextNode.valueOf("a"))).toString())
                .isEqualTo(".finalizers[=\"a\"]");
        assertThat(FieldPath.of("args", new PathElement.Index(2)).toString()).isEqualTo(".args[2]");
        assertThat(FieldSet.of(AB, X).toString()).isEqualTo(".x\n.a.b");
    }

    @Test
    void floatsDisplayLikeGo() {
        assertThat(Values.display(DecimalNode.valueOf(new BigDecimal("1.5")))).isEqualTo("1.5");
        assertThat(Values.display(IntNode.valueOf(1000000))).isEqualTo("1000000");
        assertThat(Values.goFloatG(1e6)).isEqualTo("1e+06");
        assertThat(Values.goFloatG(123456)).isEqualTo("123456");
        assertThat(Values.goFloatG(0.00001)).isEqualTo("1e-05");
        assertThat(GoJson.goFloat(1e21)).isEqualTo("1e+21");
        assertThat(GoJson.goFloat(1e-7)).isEqualTo("1e-7");
        assertThat(GoJson.goFloat(80.0)).isEqualTo("80");
    }
}
