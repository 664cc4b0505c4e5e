package io.wharf.kubelet.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.kubelet.runtime.ContainerLog;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerLogsTest extends KubeletApiTestSupport {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");
    static final String PATH = "/containerLogs/default/web/app";

    @BeforeEach
    void writeLog() {
        backend.log.append(T0, ContainerLog.Stream.STDOUT, "one\n")
                .append(T0.plusSeconds(10), ContainerLog.Stream.STDERR, "two\n")
                .append(T0.plusSeconds(20), ContainerLog.Stream.STDOUT, "three\n");
    }

    @Test
    void wholeLogIsStreamedChunked() throws Exception {
        HttpResponse<String> response = get(PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("one\ntwo\nthree\n");
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    }

    @Test
    void tailLinesKeepsTheLastRecords() throws Exception {
        assertThat(get(PATH + "?tailLines=2").body()).isEqualTo("two\nthree\n");
        assertThat(get(PATH + "?tailLines=0").body()).isEmpty();
        assertThat(get(PATH + "?tailLines=10").body()).isEqualTo("one\ntwo\nthree\n");
        assertThat(get(PATH + "?tail=1").body()).isEqualTo("three\n");
        assertThat(get(PATH + "?tail=all").body()).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void sinceTimeSkipsOlderRecords() throws Exception {
        assertThat(get(PATH + "?sinceTime=2024-05-01T10:00:05Z").body()).isEqualTo("two\nthree\n");
        assertThat(get(PATH + "?sinceTime=2024-05-01T12:00:05%2B02:00").body()).isEqualTo("two\nthree\n");
    }

    @Test
    void sinceSecondsCountsBackFromNow() throws Exception {
        backend.log.append(Instant.now(), ContainerLog.Stream.STDOUT, "recent\n");
        assertThat(get(PATH + "?sinceSeconds=3600").body()).isEqualTo("recent\n");
    }

    @Test
    void timestampsPrefixEachRecordWithNineDigitNanoseconds() throws Exception {
        assertThat(get(PATH + "?timestamps=true&tailLines=1").body())
                .isEqualTo("2024-05-01T10:00:20.123456789Z three\n");
        backend.log.append(Instant.parse("2024-05-01T10:00:30Z"), ContainerLog.Stream.STDOUT, "four\n");
        assertThat(get(PATH + "?timestamps=1&tailLines=1").body()).isEqualTo("2024-05-01T10:00:30.000000000Z four\n");
    }

    @Test
    void limitBytesCutsTheOutput() throws Exception {
        assertThat(get(PATH + "?limitBytes=6").body()).isEqualTo("one\ntw");
        assertThat(get(PATH + "?limitBytes=4").body()).isEqualTo("one\n");
        assertThat(get(PATH + "?limitBytes=10&timestamps=true").body()).isEqualTo("2024-05-01");
    }

    @Test
    void previousReadsTheEarlierAttemptOrSaysItIsMissing() throws Exception {
        HttpResponse<String> missing = get(PATH + "?previous=true");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("previous terminated container \"app\" in pod \"web\" not found");

        backend.previousLog = new FakeBackend.FakeLog().append(T0, ContainerLog.Stream.STDOUT, "before crash\n");
        assertThat(get(PATH + "?previous=true").body()).isEqualTo("before crash\n");
        assertThat(get(PATH + "?previous=false").body()).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void missingPodOrContainerIs404WithTheKubeletsMessage() throws Exception {
        HttpResponse<String> pod = get("/containerLogs/default/ghost/app");
        assertThat(pod.statusCode()).isEqualTo(404);
        assertThat(pod.body()).isEqualTo("pod \"ghost\" does not exist");
        HttpResponse<String> container = get("/containerLogs/default/web/sidecar");
        assertThat(container.statusCode()).isEqualTo(404);
        assertThat(container.body()).isEqualTo("container \"sidecar\" not found in pod \"web\"");
        assertThat(get("/containerLogs/default/web/init").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidOptionsAreRejected() throws Exception {
        HttpResponse<String> negative = get(PATH + "?tailLines=-1");
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).isEqualTo("{\"message\": \"Invalid request.\"}");
        assertThat(get(PATH + "?limitBytes=0").statusCode()).isEqualTo(422);
        assertThat(get(PATH + "?sinceSeconds=5&sinceTime=2024-05-01T10:00:05Z").statusCode()).isEqualTo(422);
        HttpResponse<String> garbled = get(PATH + "?sinceTime=yesterday");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).isEqualTo("{\"message\": \"Unable to decode query.\"}");
        assertThat(get(PATH + "?tailLines=many").statusCode()).isEqualTo(400);
    }

    @Test
    void followDeliversAppendedRecordsAndEndsWhenTheContainerStops() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(http(PATH + "?follow=true&tailLines=1")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("three");
            awaitFollower();
            backend.log.append(T0.plusSeconds(30), ContainerLog.Stream.STDOUT, "four\n");
            assertThat(reader.readLine()).isEqualTo("four");
            backend.log.append(T0.plusSeconds(31), ContainerLog.Stream.STDERR, "five\n");
            assertThat(reader.readLine()).isEqualTo("five");
            backend.log.stop();
            assertThat(reader.readLine()).isNull();
        }
    }

    @Test
    void followStopsAtTheByteLimit() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(
                HttpRequest.newBuilder(http(PATH + "?follow=true&limitBytes=18")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(14);
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("one\ntwo\nthree\n");
            awaitFollower();
            backend.log.append(T0.plusSeconds(30), ContainerLog.Stream.STDOUT, "fourth line\n");
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("four");
        }
        // the follower let go once the limit was reached
        for (int i = 0; i < 500 && backend.log.followerCount() > 0; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(backend.log.followerCount()).isZero();
    }

    private void awaitFollower() throws InterruptedException {
        for (int i = 0; i < 1000 && backend.log.followerCount() == 0; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(backend.log.followerCount()).isEqualTo(1);
    }
}
