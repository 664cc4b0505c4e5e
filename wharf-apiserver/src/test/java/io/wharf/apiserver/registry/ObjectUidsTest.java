package io.wharf.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectUidsTest {
    @Test
    void uidsAreVersion4UuidsInTheCanonicalForm() {
        for (int i = 0; i < 1000; i++) {
            String uid = ObjectUids.next();
            assertThat(uid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            UUID parsed = UUID.fromString(uid);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
        }
    }

    @Test
    void threadsDrawDistinctUids() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(t -> {
            Set<String> mine = new HashSet<>();
            for (int i = 0; i < 50_000; i++) {
                mine.add(ObjectUids.next());
            }
            seen.addAll(mine);
        });
        assertThat(seen).hasSize(8 * 50_000);
    }
}
