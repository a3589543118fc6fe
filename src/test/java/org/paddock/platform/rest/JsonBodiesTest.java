package org.paddock.platform.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddock.cadence.CadenceForm;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.events.WebhooksResource;
import org.paddock.policy.WaiversResource;
import org.paddock.update.UpdateDraft;
import org.paddock.update.UpdateDtos;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    private static Object read(String json, Type type) {
        return JsonBodies.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** The body that spun a server thread forever: an unknown property whose object is never closed. */
    @ParameterizedTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @CsvSource(delimiter = '|', value = {
            "{\"a\":{",
            "{\"a\":[",
            "{\"a\":{\"b\":[1,{",
            "{\"title\":\"x\"",
            "{\"title\":\"x\"}}",
            "{\"title\":\"x\"} {}",
            "{\"title\":\"x\",\"title\":\"y\"}",
            "{'title':'x'}",
            "[1,2",
            "{\"a\":01}",
            "nul",
    })
    void malformedJsonIsRefusedHoweverItEnds(String body) {
        assertThatThrownBy(() -> read(body, UpdateDraft.class)).isInstanceOf(JsonBodies.MalformedJsonException.class);
        assertThatThrownBy(() -> read(body, JsonStructure.class)).isInstanceOf(JsonBodies.MalformedJsonException.class);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void deepNestingIsRefusedWithoutWalkingIt() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> read(deep, UpdateDraft.class)).isInstanceOf(JsonBodies.MalformedJsonException.class)
                .hasMessageContaining("nested");
    }

    /** Each wrong value is refused naming its field; none is guessed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"newBuilds\":[{\"name\":\"nginx\",\"version\":1e30}]}                 | newBuilds[0].version",
            "{\"newBuilds\":[{\"name\":\"nginx\",\"version\":99999999999999999999}]} | newBuilds[0].version",
            "{\"newBuilds\":[{\"name\":\"nginx\",\"version\":1.5}]}                  | newBuilds[0].version",
            "{\"newBuilds\":[{\"name\":\"nginx\",\"version\":\"12\"}]}               | newBuilds[0].version",
            "{\"newBuilds\":[null]}                                                  | newBuilds[0]",
            "{\"references\":[null]}                                                 | references[0]",
            "{\"references\":[{\"kind\":\"cve\",\"fixedIn\":[null]}]}                | references[0].fixedIn[0]",
            "{\"builds\":[\"a\",null]}                                               | builds[1]",
            "{\"title\":5}                                                           | title",
            "{\"title\":true}                                                        | title",
            "{\"title\":{\"a\":1}}                                                   | title",
            "{\"title\":[\"x\"]}                                                     | title",
            "{\"builds\":\"nginx:1.24\"}                                             | builds",
            "{\"builds\":{}}                                                         | builds",
            "{\"title\":\"a\\u0000b\"}                                               | title",
            "{\"notes\":\"\\ud800\"}                                                 | notes",
            "{\"references\":[{\"id\":\"CVE-1\\u0000\"}]}                            | references[0].id",
            "null                                                                    | body",
            "true                                                                    | body",
            "42                                                                      | body",
            "\"update\"                                                              | body",
            "[]                                                                      | body",
    })
    void wrongValuesNameTheirField(String body, String field) {
        assertThatThrownBy(() -> read(body, UpdateDraft.class))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(field)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"waived\":\"yes\"}  | waived",
            "{\"waived\":1}        | waived",
            "{\"waived\":\"true\"} | waived",
            "{\"waived\":[true]}   | waived",
    })
    void booleansAreTrueOrFalseOnly(String body, String field) {
        assertThatThrownBy(() -> read(body, WaiversResource.WaiverBody.class))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo(field));
        assertThat(((WaiversResource.WaiverBody) read("{\"waived\":false}", WaiversResource.WaiverBody.class)).waived()).isFalse();
        assertThatThrownBy(() -> read(body.replace("waived", "active"), WebhooksResource.ActiveBody.class))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void karmaIsAWholeNumberAndMinDaysAMap() {
        assertThatThrownBy(() -> read("{\"text\":\"ok\",\"karma\":1.5}", UpdateDtos.CommentBody.class))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0)).satisfies(f -> {
                            assertThat(f.field()).isEqualTo("karma");
                            assertThat(f.reason()).contains("1.5").contains("whole number");
                        }));
        assertThatThrownBy(() -> read("{\"minDays\":[1,2]}", CadenceForm.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("minDays"));
        assertThatThrownBy(() -> read("{\"minDays\":{\"low\":null}}", CadenceForm.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("minDays.low"));
        assertThat(((CadenceForm) read("{\"minDays\":{\"low\":3}}", CadenceForm.class)).minDays()).isEqualTo(Map.of("low", 3));
    }

    @Test
    void unknownPropertiesAreIgnoredAsResultsDbAndWaiverDbClientsExpect() {
        UpdateDtos.CommentBody c = (UpdateDtos.CommentBody) read(
                "{\"text\":\"works\",\"karma\":1,\"bug_feedback\":[{\"bug_id\":1}],\"extra\":{\"deep\":[1,2,{}]}}",
                UpdateDtos.CommentBody.class);
        assertThat(c.text()).isEqualTo("works");
        assertThat(c.karma()).isEqualTo(1);
        WaiversResource.WaiverBody w = (WaiversResource.WaiverBody) read(
                "{\"subject_type\":\"koji_build\",\"subject_identifier\":\"nginx-1.24.0-1.fc45\",\"testcase\":\"t\","
                        + "\"product_version\":\"fedora-45\",\"waived\":true,\"comment\":\"flaky\",\"username\":\"x\","
                        + "\"proxied_by\":null,\"scenario\":null}", WaiversResource.WaiverBody.class);
        assertThat(w.waived()).isTrue();
        assertThat(w.scenario()).isNull();
    }

    @Test
    void anEmptyBodyIsNoBodyAndJsonPValuesKeepTheirShape() {
        assertThat(read("", UpdateDraft.class)).isNull();
        assertThat(read("  \n", JsonStructure.class)).isNull();
        assertThat(read("[{\"a\":1}]", JsonStructure.class)).isInstanceOf(jakarta.json.JsonArray.class);
        assertThatThrownBy(() -> read("\"text\"", JsonStructure.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThatThrownBy(() -> read("[1]", JsonObject.class)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> read("{\"data\":{\"a\\u0000\":\"x\"}}", JsonStructure.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("data.a\u0000"));
        assertThat(read("{\"builds\":[\"nginx:1.24:1:c:x86_64\"],\"title\":\"ünïcødé 💡\"}", UpdateDraft.class))
                .isEqualTo(new UpdateDraft(null, List.of("nginx:1.24:1:c:x86_64"), null, null, null, null,
                        "ünïcødé 💡", null, null, null, null));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> JsonBodies.read(body, UpdateDraft.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("body");
                    assertThat(e.errors().get(0).reason()).contains("UTF-8");
                });
    }
}
