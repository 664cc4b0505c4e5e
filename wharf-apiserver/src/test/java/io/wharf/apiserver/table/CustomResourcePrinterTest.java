package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.NOW;
import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CustomResourcePrinterTest {
    /** A CRD version's additionalPrinterColumns, as cert-manager-like CRDs declare them. */
    private static final JsonNode COLUMNS = yaml("""
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            - {name: Secret, type: string, jsonPath: .spec.secretName}
            - {name: Issuer, type: string, jsonPath: .spec.issuerRef.name, priority: 1}
            - {name: Replicas, type: integer, jsonPath: .spec.replicas, description: Desired replicas}
            - {name: Ratio, type: number, format: float, jsonPath: .spec.ratio}
            - {name: Paused, type: boolean, jsonPath: .spec.paused}
            - {name: Renewal, type: date, jsonPath: .status.renewalTime}
            - {name: Labels, type: string, jsonPath: .metadata.labels}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
            """);

    private static final JsonNode CERT = yaml("""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: shop-tls
              creationTimestamp: "2024-04-30T12:00:00Z"
              labels: {team: shop, app: web}
            spec:
              secretName: shop-tls
              issuerRef: {name: letsencrypt, kind: ClusterIssuer}
              replicas: 2.9
              ratio: 2
              paused: "yes"
            status:
              renewalTime: "2024-05-01T11:30:00Z"
              conditions:
              - {type: Issuing, status: "False"}
              - {type: Ready, status: "True", reason: Ready}
            """);

    @Test
    void columnsFollowTheDefinitionsAfterName() {
        RowPrinter p = Printers.forCustomResource(COLUMNS);
        assertThat(headers(p)).containsExactly(
                "Name", "Ready", "Secret", "Issuer", "Replicas", "Ratio", "Paused", "Renewal", "Labels", "Age");
        assertThat(p.columns().get(0)).isEqualTo(Columns.name());
        Column issuer = p.columns().get(3);
        assertThat(issuer.priority()).isEqualTo(1);
        assertThat(issuer.type()).isEqualTo("string");
        assertThat(p.columns().get(4).description()).isEqualTo("Desired replicas");
        assertThat(p.columns().get(5).format()).isEqualTo("float");
        assertThat(p.columns().get(7).type()).isEqualTo("date");
        assertThat(p.columns().get(2).description()).isNotEmpty();
    }

    @Test
    void cellsAreEvaluatedPerColumnType() {
        assertThat(Printers.forCustomResource(COLUMNS).cells(CERT, NOW)).containsExactly(
                "shop-tls",      // name
                "True",          // filter expression picks the Ready condition
                "shop-tls",
                "letsencrypt",
                2L,              // integer column truncates a float
                2.0,             // number column widens an integer
                "",              // boolean column ignores a string
                "30m",           // date column renders an age
                "{\"app\":\"web\",\"team\":\"shop\"}",
                "24h");
    }

    @Test
    void dateColumnsWithZeroTimeAreUnknown() {
        RowPrinter p = Printers.forCustomResource(yaml("[{name: Since, type: date, jsonPath: .status.since}]"));
        assertThat(p.cells(yaml("{metadata: {name: a}, status: {since: ''}}"), NOW)).containsExactly("a", "<unknown>");
        assertThat(p.cells(yaml("{metadata: {name: b}, status: {since: '0001-01-01T00:00:00Z'}}"), NOW))
                .containsExactly("b", "<unknown>");
        assertThat(p.cells(yaml("{metadata: {name: c}, status: {since: '2024-05-01T12:00:30Z'}}"), NOW))
                .containsExactly("c", "<invalid>");
    }

    @Test
    void missingValuesAreEmptyCells() {
        JsonNode bare = yaml("""
                metadata: {name: pending}
                status: {renewalTime: not-a-time, conditions: [{type: Issuing, status: "True"}]}
                """);
        assertThat(Printers.forCustomResource(COLUMNS).cells(bare, NOW))
                .containsExactly("pending", "", "", "", "", "", "", "<invalid>", "", "");
    }

    @Test
    void versionWithoutColumnsGetsOnlyAge() {
        RowPrinter p = Printers.forCustomResource(yaml("[]"));
        assertThat(headers(p)).containsExactly("Name", "Age");
        assertThat(p.columns().get(1).type()).isEqualTo("date");
        assertThat(p.cells(CERT, NOW)).containsExactly("shop-tls", "24h");
        assertThat(headers(Printers.forCustomResource((JsonNode) null))).containsExactly("Name", "Age");
    }

    @Test
    void declaredColumnsWithoutAgeStayWithoutAge() {
        RowPrinter p = Printers.forCustomResource(yaml("[{name: Phase, type: string, jsonPath: .status.phase}]"));
        assertThat(headers(p)).containsExactly("Name", "Phase");
        assertThat(p.cells(yaml("{metadata: {name: x}, status: {phase: Running}}"), NOW)).containsExactly("x", "Running");
    }

    @Test
    void unparsableColumnEndsTheColumnList() {
        RowPrinter p = Printers.forCustomResource(yaml("""
                - {name: A, type: string, jsonPath: .a}
                - {name: Broken, type: string, jsonPath: '.b['}
                - {name: C, type: string, jsonPath: .c}
                """));
        assertThat(headers(p)).containsExactly("Name", "A");
    }

    @Test
    void evaluationErrorsLeaveTheCellEmpty() {
        RowPrinter p = Printers.forCustomResource(yaml("""
                - {name: First, type: string, jsonPath: '.items[3]'}
                - {name: Any, type: string, jsonPath: '.items[*]'}
                - {name: Null, type: string, jsonPath: .gone}
                """));
        assertThat(p.cells(yaml("{metadata: {name: x}, items: [a, b], gone: null}"), NOW))
                .containsExactly("x", "", "a", "<no value>");
    }
}
