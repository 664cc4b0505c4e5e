package io.wharf.api.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorJsonTest {
    private static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static LabelSelector from(String text) {
        return LabelSelector.fromJson(json(text));
    }

    @Test
    void absentSelectorSelectsNothingEmptySelectorEverything() {
        assertThat(LabelSelector.fromJson(null).isNothing()).isTrue();
        assertThat(LabelSelector.fromJson(MissingNode.getInstance()).isNothing()).isTrue();
        assertThat(from("null").isNothing()).isTrue();
        assertThat(from("{}").isEverything()).isTrue();
        assertThat(from("{'matchLabels':{},'matchExpressions':[]}").isEverything()).isTrue();
        assertThat(from("{'matchLabels':null}").isEverything()).isTrue();
    }

    @Test
    void convertsLabelsAndExpressions() {
        LabelSelector selector = from("{'matchLabels':{'app':'web'},'matchExpressions':["
                + "{'key':'tier','operator':'In','values':['b','a']},"
                + "{'key':'env','operator':'NotIn','values':['prod']},"
                + "{'key':'canary','operator':'Exists'},"
                + "{'key':'legacy','operator':'DoesNotExist','values':[]}]}");
        assertThat(selector.toString()).isEqualTo("app=web,canary,env notin (prod),!legacy,tier in (a,b)");
        assertThat(selector.matches(Map.of("app", "web", "tier", "a", "canary", ""))).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "tier", "a"))).isFalse();
        assertThat(selector.matches(Map.of("app", "web", "tier", "a", "canary", "", "legacy", "1"))).isFalse();
        assertThat(selector.requiredExactValue("app")).contains("web");
    }

    @Test
    void rejectsUnknownOperator() {
        assertThatThrownBy(() -> from("{'matchExpressions':[{'key':'a','operator':'Gt','values':['1']}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"Gt\" is not a valid pod selector operator");
        assertThatThrownBy(() -> from("{'matchExpressions':[{'key':'a'}]}"))
                .hasMessage("\"\" is not a valid pod selector operator");
        assertThatThrownBy(() -> from("{'matchExpressions':[null]}"))
                .hasMessage("\"\" is not a valid pod selector operator");
    }

    @Test
    void rejectsValuesThatDoNotFitTheOperator() {
        assertThatThrownBy(() -> from("{'matchExpressions':[{'key':'a','operator':'In'}]}"))
                .hasMessage("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
        assertThatThrownBy(() -> from("{'matchExpressions':[{'key':'a','operator':'Exists','values':['x']}]}"))
                .hasMessage("values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist");
    }

    @Test
    void rejectsInvalidKeysAndValues() {
        assertThatThrownBy(() -> from("{'matchLabels':{'app':'bad value'}}"))
                .hasMessageStartingWith("values[0][app]: Invalid value: \"bad value\": a valid label must be");
        assertThatThrownBy(() -> from("{'matchLabels':{'bad key':'v'}}"))
                .hasMessageStartingWith("key: Invalid value: \"bad key\": name part must consist of");
        assertThatThrownBy(() -> from("{'matchLabels':{'bad key':'bad value'}}"))
                .hasMessageStartingWith("[key: Invalid value: \"bad key\": name part")
                .hasMessageContaining(", values[0][bad key]: Invalid value: \"bad value\": a valid label");
    }

    @Test
    void reportsTheFirstInvalidMatchLabelInKeyOrder() {
        assertThatThrownBy(() -> from("{'matchLabels':{'z':'bad z','a':'bad a'}}"))
                .hasMessageStartingWith("values[0][a]: Invalid value: \"bad a\"");
    }

    @Test
    void rejectsWrongJsonTypes() {
        assertThatThrownBy(() -> from("'app=web'"))
                .hasMessage("json: cannot unmarshal string into Go value of type v1.LabelSelector");
        assertThatThrownBy(() -> from("{'matchLabels':{'a':1}}"))
                .hasMessage("json: cannot unmarshal number into Go struct field LabelSelector.matchLabels of type string");
        assertThatThrownBy(() -> from("{'matchExpressions':{}}"))
                .hasMessage("json: cannot unmarshal object into Go struct field LabelSelector.matchExpressions "
                        + "of type []v1.LabelSelectorRequirement");
        assertThatThrownBy(() -> from("{'matchExpressions':'x'}"))
                .hasMessageStartingWith("json: cannot unmarshal string into Go struct field LabelSelector.matchExpressions");
        assertThatThrownBy(() -> from("{'matchExpressions':[{'key':'a','operator':'In','values':'x'}]}"))
                .hasMessage("json: cannot unmarshal string into Go struct field LabelSelectorRequirement.values of type []string");
    }
}
