package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedObjectMetaTest {
    private static final String TYPE = "json: cannot unmarshal ";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'name':5}|number into Go struct field ObjectMeta.name of type string",
            "{'labels':'x'}|string into Go struct field ObjectMeta.labels of type map[string]string",
            "{'labels':{'a':1}}|number into Go struct field ObjectMeta.labels of type string",
            "{'finalizers':'x'}|string into Go struct field ObjectMeta.finalizers of type []string",
            "{'generation':1.5}|number 1.5 into Go struct field ObjectMeta.generation of type int64",
            "{'generation':'2'}|string into Go struct field ObjectMeta.generation of type int64",
            "{'ownerReferences':{}}|object into Go struct field ObjectMeta.ownerReferences of type []v1.OwnerReference",
            "{'name':5,'labels':5}|number into Go struct field ObjectMeta.labels of type map[string]string",
            "{'creationTimestamp':5}|number into Go struct field ObjectMeta.creationTimestamp of type string",
            "'x'|string into Go value of type v1.ObjectMeta",
            "[]|array into Go value of type v1.ObjectMeta",
    })
    void decodingErrorsAreGoJsonErrorsInSortedKeyOrder(String metadata, String error) {
        assertThat(EmbeddedObjectMeta.decodeError(json(metadata))).isEqualTo(TYPE + error);
    }

    @Test
    void aBadTimestampStopsDecodingAndWinsOverEarlierMismatches() {
        assertThat(EmbeddedObjectMeta.decodeError(json("{'annotations':5,'creationTimestamp':'yesterday'}")))
                .isEqualTo("parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\"");
        assertThat(EmbeddedObjectMeta.decodeError(json("{'deletionTimestamp':'2024-13-01T00:00:00Z'}")))
                .isEqualTo("parsing time \"2024-13-01T00:00:00Z\": month out of range");
    }

    @Test
    void whatDecodesHasNoError() {
        assertThat(EmbeddedObjectMeta.decodeError(json("{'name':'a','generation':2.0,'unknown':5,'labels':{'a':null},"
                + "'creationTimestamp':null,'deletionTimestamp':'2024-05-01T10:00:00Z'}"))).isNull();
        assertThat(EmbeddedObjectMeta.decodeError(json("null"))).isNull();
    }

    @Test
    void coercionKeepsOnlyObjectMetaAndRecordsWhatItDrops() {
        ObjectNode metadata = object("{'name':'a','bogus':1,'labels':{},'generation':2.0,'creationTimestamp':null,"
                + "'namespace':'','annotations':{'k':'v'},"
                + "'ownerReferences':[{'apiVersion':'v1','kind':'Pod','name':'p','uid':'u','extra':true}]}");
        List<String> unknown = new ArrayList<>();
        EmbeddedObjectMeta.coerce(metadata, "spec.e.metadata", unknown);
        assertThat(unknown).containsExactly("spec.e.metadata.bogus", "spec.e.metadata.ownerReferences[0].extra");
        assertThat(metadata).isEqualTo(json("{'name':'a','generation':2,'annotations':{'k':'v'},"
                + "'ownerReferences':[{'apiVersion':'v1','kind':'Pod','name':'p','uid':'u'}]}"));
        assertThat(metadata.get("generation").isIntegralNumber()).isTrue();
    }

    private static List<String> problems(String metadata) {
        return messages(EmbeddedObjectMeta.validate(json(metadata), "m"));
    }

    @Test
    void namesArePathSegmentsAndANameMayBeMissing() {
        assertThat(problems("{}")).isEmpty();
        assertThat(problems("{'name':'a/b'}")).containsExactly("m.name: Invalid value: \"a/b\": may not contain '/'");
        assertThat(problems("{'name':'..'}")).containsExactly("m.name: Invalid value: \"..\": may not be '..'");
        assertThat(problems("{'generateName':'a%'}"))
                .containsExactly("m.generateName: Invalid value: \"a%\": may not contain '%'");
        assertThat(problems("{'name':'Upper_Case.ok'}")).isEmpty();
    }

    @Test
    void namespacesGenerationsAndLabels() {
        assertThat(problems("{'namespace':'Bad','generation':-1,'labels':{'app':'-bad'}}")).containsExactly(
                "m.namespace: Invalid value: \"Bad\": a lowercase RFC 1123 label must consist of lower case alphanumeric "
                        + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
                        + "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "m.generation: Invalid value: -1: must be greater than or equal to 0",
                "m.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist of alphanumeric "
                        + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    @Test
    void finalizersAreReportedAtTheList() {
        assertThat(problems("{'finalizers':['-x']}")).containsExactly(
                "m.finalizers: Invalid value: \"-x\": name part must consist of alphanumeric characters, '-', '_' or '.', "
                        + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
                        + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        assertThat(problems("{'finalizers':['orphan','foregroundDeletion']}")).containsExactly(
                "m.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: "
                        + "finalizer orphan and foregroundDeletion cannot be both set");
    }

    @Test
    void ownerReferencesNeedVersionKindNameAndUid() {
        assertThat(problems("{'ownerReferences':[{'apiVersion':'apps/v1','kind':'Deployment','name':'d','uid':'1'},"
                + "{'apiVersion':'apps/'}]}")).containsExactly(
                "m.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty",
                "m.ownerReferences.kind: Invalid value: \"\": kind must not be empty",
                "m.ownerReferences.name: Invalid value: \"\": name must not be empty",
                "m.ownerReferences.uid: Invalid value: \"\": uid must not be empty");
    }
}
