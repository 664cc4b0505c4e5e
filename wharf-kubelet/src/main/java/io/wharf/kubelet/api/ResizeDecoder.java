package io.wharf.kubelet.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.wharf.api.json.Json;
import java.io.IOException;

/**
 * Reads the resize stream: a sequence of {"Width":w,"Height":h} objects that may arrive split
 * across frames. Field names match case-insensitively, as Go's decoder does; a malformed stream
 * stops the decoding (the kubelet stops reading resize events then too).
 */
final class ResizeDecoder {
    interface Listener {
        void resize(int width, int height);
    }

    private final Listener listener;
    private final JsonParser parser;
    private int depth;
    private String field;
    private int width;
    private int height;
    private boolean broken;

    ResizeDecoder(Listener listener) {
        this.listener = listener;
        try {
            this.parser = Json.MAPPER.getFactory().createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void feed(byte[] data) {
        if (broken || data.length == 0) {
            return;
        }
        try {
            ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(data, 0, data.length);
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
                onToken(token);
            }
        } catch (IOException e) {
            broken = true;
        }
    }

    private void onToken(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT, START_ARRAY -> {
                if (depth == 0) {
                    width = 0;
                    height = 0;
                }
                depth++;
            }
            case END_OBJECT, END_ARRAY -> {
                depth--;
                if (depth == 0 && token == JsonToken.END_OBJECT) {
                    listener.resize(width, height);
                }
            }
            case FIELD_NAME -> field = parser.currentName();
            case VALUE_NUMBER_INT -> {
                if (depth == 1 && "width".equalsIgnoreCase(field)) {
                    width = parser.getIntValue();
                } else if (depth == 1 && "height".equalsIgnoreCase(field)) {
                    height = parser.getIntValue();
                }
            }
            default -> {
            }
        }
    }
}
