package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.resources.BuiltinResources;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import org.junit.jupiter.api.Test;

/** Both OpenAPI documents carry the descriptions the build extracted, where kubectl explain reads them. */
class SchemaDescriptionsTest {
    private static final String APPS = "io.k8s.api.apps.v1.";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private static final int DOC_DEFINITIONS = 9;
    private static final int SCHEMA_REF = 1;
    private static final int SCHEMA_DESCRIPTION = 4;
    private static final int SCHEMA_PROPERTIES = 25;

    private static ServedResource served(String group, String resource) {
        ResourceType t = BuiltinResources.all().stream()
                .filter(r -> r.group().equals(group) && r.resource().equals(resource)).findFirst().orElseThrow();
        return new ServedResource(t, null, null, null);
    }

    /** The v3 document at {@code path}, serving one resource, fetched from the handler as kubectl fetches it. */
    private static JsonNode v3Schemas(String group, String resource, String path) {
        ResourceRegistry registry = new ResourceRegistry();
        registry.add(served(group, resource));
        OpenApiHandler handler = new OpenApiHandler(registry, SchemaRegistry.builtin(), "v1.32.0+wharf");
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                FullHttpRequest req = (FullHttpRequest) msg;
                try {
                    handler.handle(new ApiRequest(ctx, req, new byte[0], UserInfo.SYSTEM));
                } finally {
                    req.release();
                }
            }
        });
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path));
        FullHttpResponse resp = ch.readOutbound();
        try {
            assertThat(resp.status().code()).isEqualTo(200);
            return Json.parse(ByteBufUtil.getBytes(resp.content())).get("components").get("schemas");
        } finally {
            resp.release();
        }
    }

    private static JsonNode appsV1() {
        return v3Schemas("apps", "deployments", "/openapi/v3/apis/apps/v1");
    }

    @Test
    void theCoreDocumentDescribesPodAndItsContainers() {
        JsonNode schemas = v3Schemas("", "pods", "/openapi/v3/api/v1");
        assertThat(schemas.at("/io.k8s.api.core.v1.Pod/description").asText())
                .startsWith("Pod is a collection of containers that can run on a host.");
        assertThat(schemas.at("/io.k8s.api.core.v1.PodSpec/properties/containers/description").asText())
                .startsWith("List of containers belonging to the pod.");
        assertThat(schemas.at("/io.k8s.api.core.v1.Container/properties/image/description").asText())
                .startsWith("Container image name.");
        // Pod.spec is a bare reference in the client models: it carries PodSpec's own description
        assertThat(schemas.at("/io.k8s.api.core.v1.Pod/properties/spec/description").asText())
                .isEqualTo(schemas.at("/io.k8s.api.core.v1.PodSpec/description").asText());
    }

    @Test
    void openApiV3DescribesDefinitionsAndProperties() {
        JsonNode schemas = appsV1();
        JsonNode deployment = schemas.get(APPS + "Deployment");
        assertThat(deployment.get("description").asText()).startsWith("Deployment enables declarative updates");
        assertThat(schemas.at("/" + APPS + "DeploymentSpec/properties/replicas/description").asText())
                .startsWith("Number of desired pods.");
        assertThat(schemas.at("/" + META + "ObjectMeta/properties/name/description").asText())
                .startsWith("Name must be unique within a namespace.");
        assertThat(schemas.at("/io.k8s.api.core.v1.PodSpec/properties/containers/description").asText())
                .startsWith("List of containers belonging to the pod.");
    }

    @Test
    void openApiV3WrapsDescribedReferencesAndDescribesBareOnesByTheirType() {
        JsonNode schemas = appsV1();
        // documented reference: allOf with the description beside it, as upstream writes it
        JsonNode created = schemas.at("/" + META + "ObjectMeta/properties/creationTimestamp");
        assertThat(created.get("allOf").get(0).get("$ref").asText()).isEqualTo("#/components/schemas/" + META + "Time");
        assertThat(created.get("description").asText()).startsWith("CreationTimestamp is a timestamp");
        // undocumented reference: the type's description beside the bare $ref
        JsonNode spec = schemas.at("/" + APPS + "Deployment/properties/spec");
        assertThat(spec.get("$ref").asText()).isEqualTo("#/components/schemas/" + APPS + "DeploymentSpec");
        assertThat(spec.get("description").asText()).isEqualTo(schemas.get(APPS + "DeploymentSpec").get("description").asText());
        // an extension needs the wrapper; the type's description then stays with the type only
        JsonNode strategy = schemas.at("/" + APPS + "DeploymentSpec/properties/strategy");
        assertThat(strategy.has("allOf")).isTrue();
        assertThat(strategy.has("description")).isFalse();
    }

    @Test
    void swaggerV2DescribesDefinitionsAndPropertiesInJsonAndProtobuf() {
        JsonNode doc = SwaggerDocument.build(SchemaRegistry.builtin(),
                BuiltinResources.all().stream().map(t -> new ServedResource(t, null, null, null)).toList(), "v1.32.0+wharf");
        JsonNode definitions = doc.get("definitions");
        assertThat(definitions.at("/io.k8s.api.core.v1.PodSpec/description").asText()).startsWith("PodSpec is a description of a pod");
        JsonNode created = definitions.at("/" + META + "ObjectMeta/properties/creationTimestamp");
        assertThat(created.get("$ref").asText()).isEqualTo("#/definitions/" + META + "Time");
        assertThat(created.get("description").asText()).startsWith("CreationTimestamp is a timestamp");
        // kubectl's v2 explain shows the type's own description under an undocumented reference
        assertThat(definitions.at("/" + APPS + "Deployment/properties/metadata").has("description")).isFalse();

        ProtoReader proto = ProtoReader.parse(SwaggerProtoEncoder.encode(doc));
        ProtoReader podSpec = proto.message(DOC_DEFINITIONS).named(1, "io.k8s.api.core.v1.PodSpec");
        assertThat(podSpec.string(SCHEMA_DESCRIPTION)).startsWith("PodSpec is a description of a pod");
        ProtoReader replicas = proto.message(DOC_DEFINITIONS).named(1, APPS + "DeploymentSpec")
                .message(SCHEMA_PROPERTIES).named(1, "replicas");
        assertThat(replicas.string(SCHEMA_DESCRIPTION)).startsWith("Number of desired pods.");
        ProtoReader createdProto = proto.message(DOC_DEFINITIONS).named(1, META + "ObjectMeta")
                .message(SCHEMA_PROPERTIES).named(1, "creationTimestamp");
        assertThat(createdProto.string(SCHEMA_REF)).isEqualTo("#/definitions/" + META + "Time");
        assertThat(createdProto.string(SCHEMA_DESCRIPTION)).startsWith("CreationTimestamp is a timestamp");
    }
}
