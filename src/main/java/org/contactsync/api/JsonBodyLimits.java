package org.contactsync.api;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a JSON request body before any resource binds it: at most {@value #MAX_BYTES} bytes, valid UTF-8 (RFC 8259
 * section 8.1; a lenient decoder would turn bad bytes into U+FFFD and store them), nested at most {@value #MAX_DEPTH}
 * levels (JSON-B binds recursively: thousands of levels exhaust the stack) and exactly one JSON object with nothing
 * after it (JSON-B and JSON-P stop reading after the first value and would ignore the rest). Each refusal is a 400
 * problem+json saying which rule the body broke.
 *
 * <p>Hand-written because neither JSON-B nor JSON-P (Parsson) offers these limits as configuration that Payara's
 * providers apply; the scan is JSON-P's streaming parser, which keeps no recursion of its own.
 */
@Provider
public class JsonBodyLimits implements ReaderInterceptor {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 64;
    private static final String TRAILING = "The request body has more after the JSON value.";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            var body = readAtMost(context.getInputStream());
            checkStructure(utf8(body));
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        var body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw refused("The request body is larger than " + MAX_BYTES + " bytes.");
        }
        return body;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw refused("The request body is not valid UTF-8.");
        }
    }

    private static void checkStructure(String body) {
        if (body.isBlank()) {
            return;  // no body: the resource decides whether it needs one
        }
        boolean valueRead = false;
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                // Every body of this API is an object; JSON-B would bind an array's first element instead.
                throw refused("The request body must be a JSON object.");
            }
            int depth = 1;
            while (depth > 0) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw refused("The JSON is nested more than " + MAX_DEPTH + " levels deep.");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> { }
                }
            }
            valueRead = true;
            if (parser.hasNext()) {
                throw refused(TRAILING);
            }
        } catch (JsonParsingException | java.util.NoSuchElementException e) {
            // Parsson reports text after the value from hasNext() as a parsing error ("expected EOF").
            throw refused(valueRead ? TRAILING : "The request body is not valid JSON.");
        }
    }

    private static BadRequestException refused(String detail) {
        return new BadRequestException(Problem.of(400, "Bad Request", detail).toResponse());
    }
}
