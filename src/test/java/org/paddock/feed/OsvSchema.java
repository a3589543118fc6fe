package org.paddock.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The OSV schema (1.7.5) as the tests apply it. One rule is set aside and checked on its own: the schema only
 * accepts ids whose prefix a database has registered with OSV (GHSA, RHSA, ALSA…). Paddock's ids are its update
 * aliases ({@code PADDOCK-2026-…}), whose prefix a deployment registers before publishing to osv.dev; every other
 * rule of the schema must hold.
 */
final class OsvSchema {

    private OsvSchema() {
    }

    static JsonSchema load() throws IOException {
        try (InputStream in = OsvSchema.class.getResourceAsStream("/feed/osv-schema-1.7.5.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** What the schema finds wrong with {@code doc}, less the registered-prefix rule for an alias-shaped id. */
    static List<String> problems(JsonSchema schema, JsonNode doc) {
        boolean aliasId = doc.path("id").asText().matches("[A-Z][A-Z0-9]*-\\d{4}-[0-9a-z]+");
        return schema.validate(doc).stream()
                .filter(m -> !(aliasId && "$.id".equals(m.getInstanceLocation().toString()) && "pattern".equals(m.getType())))
                .map(ValidationMessage::getMessage).toList();
    }
}
