package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SurroundingObjectTest {
    @Test
    void theRootHoldsOnlyObjects() {
        assertThat(SurroundingObject.root().wrap(json("{'a':1}"))).isEqualTo(json("{'a':1}"));
        assertThat(SurroundingObject.root().wrap(json("'text'"))).isNull();
        assertThat(SurroundingObject.root().index().wrap(json("{}"))).isNull();
    }

    @Test
    void placesNestFieldsAndItems() {
        SurroundingObject place = SurroundingObject.root().child("spec").index().child("name");
        ObjectNode around = place.wrap(json("'x'"));
        assertThat(around).isEqualTo(json("{'spec':[{'name':'x'}]}"));
        assertThat(place.extract(around)).isEqualTo(json("'x'"));
    }

    @Test
    void extractingWhatPruningRemovedGivesNothing() {
        SurroundingObject place = SurroundingObject.root().child("spec").index().child("name");
        ObjectNode around = place.wrap(json("'x'"));
        ((ObjectNode) around.get("spec").get(0)).remove("name");
        assertThat(place.extract(around)).isNull();
        ((ArrayNode) around.get("spec")).removeAll();
        assertThat(place.extract(around)).isNull();
        assertThat(place.extract(json("{'spec':'flat'}").deepCopy() instanceof ObjectNode o ? o : null)).isNull();
    }
}
