package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final JsonNode OBJ = yaml("""
            metadata:
              name: db
              annotations: {example.com/owner: team-a}
            spec:
              replicas: 3
              ratio: 0.5
              ports: [{name: pg, port: 5432}, {name: metrics, port: 9187}]
              nothing: null
            status:
              conditions:
              - {type: Ready, status: "True", reason: AllGood}
              - {type: Degraded, status: "False"}
              - {type: Synced}
            """);

    private static List<String> texts(String path) {
        return JsonPath.parse(path).find(OBJ).stream().map(JsonNode::asText).toList();
    }

    @Test
    void dottedFieldsAndQuotedKeys() {
        assertThat(texts(".metadata.name")).containsExactly("db");
        assertThat(texts("$.spec.replicas")).containsExactly("3");
        assertThat(texts(".metadata.annotations['example.com/owner']")).containsExactly("team-a");
        assertThat(texts(".metadata[\"name\"]")).containsExactly("db");
        assertThat(texts(".spec.missing.deeper")).isEmpty();
    }

    @Test
    void indexesSlicesAndWildcards() {
        assertThat(texts(".spec.ports[0].port")).containsExactly("5432");
        assertThat(texts(".spec.ports[-1].name")).containsExactly("metrics");
        assertThat(texts(".spec.ports[*].name")).containsExactly("pg", "metrics");
        assertThat(texts(".spec.ports[0:1].name")).containsExactly("pg");
        assertThat(texts(".spec.ports.*.port")).containsExactly("5432", "9187");
        assertThat(texts("..port")).containsExactly("5432", "9187");
    }

    @Test
    void filtersCompareAgainstLiterals() {
        assertThat(texts(".status.conditions[?(@.type==\"Ready\")].status")).containsExactly("True");
        assertThat(texts(".status.conditions[?(@.type == 'Degraded')].status")).containsExactly("False");
        assertThat(texts(".status.conditions[?(@.status!=\"True\")].type")).containsExactly("Degraded");
        assertThat(texts(".status.conditions[?(@.reason)].reason")).containsExactly("AllGood");
        assertThat(texts(".spec.ports[?(@.port > 6000)].name")).containsExactly("metrics");
        assertThat(texts(".spec.ports[?(@.port<=5432)].name")).containsExactly("pg");
        assertThat(texts(".status.conditions[?(@.type==\"Missing\")].status")).isEmpty();
    }

    @Test
    void typeErrorsFailTheEvaluation() {
        assertThatThrownBy(() -> JsonPath.parse(".spec.ports[?(@.port==\"5432\")]").find(OBJ))
                .isInstanceOf(JsonPath.EvaluationException.class);
        assertThatThrownBy(() -> JsonPath.parse(".spec.ports[5]").find(OBJ))
                .isInstanceOf(JsonPath.EvaluationException.class);
        assertThatThrownBy(() -> JsonPath.parse(".metadata[0]").find(OBJ))
                .isInstanceOf(JsonPath.EvaluationException.class);
    }

    @Test
    void nullValuesAreResultsButNotDescendedInto() {
        assertThat(JsonPath.parse(".spec.nothing").find(OBJ)).singleElement().matches(JsonNode::isNull);
        assertThat(JsonPath.parse(".spec.nothing.below").find(OBJ)).isEmpty();
    }

    @Test
    void malformedExpressionsAreRejected() {
        assertThatThrownBy(() -> JsonPath.parse(".spec.ports[")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPath.parse("spec")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPath.parse(".a[?(@.x == )]")).isInstanceOf(IllegalArgumentException.class);
    }
}
