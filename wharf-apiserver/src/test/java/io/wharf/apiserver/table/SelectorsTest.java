package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SelectorsTest {
    @Test
    void labelMapsAreSortedByKey() {
        assertThat(Selectors.labels(yaml("{b: '2', a: '1', app.kubernetes.io/name: x}")))
                .isEqualTo("a=1,app.kubernetes.io/name=x,b=2");
        assertThat(Selectors.labels(yaml("{}"))).isEqualTo("<none>");
        assertThat(Selectors.labels(null)).isEqualTo("<none>");
    }

    @Test
    void selectorRequirementsAreSortedByKeyWithValuesSorted() {
        assertThat(Selectors.selector(yaml("""
                matchLabels: {tier: web}
                matchExpressions:
                - {key: env, operator: In, values: [prod, dev]}
                - {key: zone, operator: Exists}
                - {key: canary, operator: DoesNotExist}
                - {key: arch, operator: NotIn, values: [arm]}
                """))).isEqualTo("arch notin (arm),!canary,env in (dev,prod),tier=web,zone");
    }

    @Test
    void emptyAndAbsentSelectorsPrintEmptyOrNone() {
        assertThat(Selectors.selector(yaml("{}"))).isEmpty();
        assertThat(Selectors.selector(null)).isEmpty();
        assertThat(Selectors.formatSelector(yaml("{matchLabels: {}}"))).isEqualTo("<none>");
    }

    @Test
    void invalidSelectorsAreRejected() {
        assertThatThrownBy(() -> Selectors.selector(yaml("{matchExpressions: [{key: a, operator: In}]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Selectors.selector(yaml("{matchExpressions: [{key: a, operator: Exists, values: [x]}]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Selectors.selector(yaml("{matchLabels: {'bad key!': x}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Selectors.formatSelector(yaml("{matchExpressions: [{key: a, operator: Gt, values: ['1']}]}")))
                .isEqualTo("<error>");
    }
}
