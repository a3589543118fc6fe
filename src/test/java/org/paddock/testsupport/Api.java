package org.paddock.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URL;
import java.util.Map;

/**
 * The REST API of a deployed Paddock as the in-container tests call it: {@code api.as(token)} is a JSON request
 * carrying that API token ({@code null}: anonymous), e.g. {@code api.as(alice).body(update).post("api/v1/updates")}.
 */
public final class Api {

    private final String base;

    public Api(URL base) {
        this.base = base.toString();
    }

    /** A JSON request as the holder of {@code token}, or anonymous when it is null. */
    public RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().baseUri(base).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** A plain GET without a body or token, as a browser's first request; redirects are answers, not followed. */
    public Response get(String path) {
        return RestAssured.given().baseUri(base).redirects().follow(false).get(path);
    }

    /** Submits an update ({@code POST api/v1/updates}, expecting 201) and gives its alias. */
    public String submit(String token, Map<String, ?> update) {
        return as(token).body(update).post("api/v1/updates").then().statusCode(201).extract().path("alias");
    }

    /** An update's status word, e.g. {@code testing}. */
    public String status(String alias) {
        return as(null).get("api/v1/updates/" + alias).then().statusCode(200).extract().path("status");
    }
}
