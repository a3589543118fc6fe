package org.paddock.testresult;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonStructure;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.paddock.platform.Times;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.Role;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ResultsDB v2.0 compatible results: {@code POST /api/v2.0/results} (one result, or a JSON array of them
 * stored all or none), {@code GET /api/v2.0/results} with ResultsDB's filters and paging,
 * {@code GET /api/v2.0/results/latest} and {@code GET /api/v2.0/results/{id}}. Posting needs the API token
 * of a CI account (or an admin).
 */
@Path("v2.0/results")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ResultsResource {

    private static final Set<String> RESERVED = Set.of("testcases", "testcases:like", "outcome", "since", "_sort",
            "limit", "page", "_distinct_on", "callback", "groups");
    private static final DateTimeFormatter RESULTSDB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Inject
    Results results;

    @Inject
    CurrentUser caller;

    @Context
    UriInfo uri;

    public record TestcaseView(String name, String ref_url, String href) {
    }

    public record ResultView(long id, TestcaseView testcase, String outcome, String note, String ref_url,
                             String submit_time, Map<String, List<String>> data, List<String> groups, String href) {
    }

    public record Page(List<ResultView> data, String prev, String next) {
    }

    public record Batch(List<ResultView> data) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(JsonStructure body) {
        User user = caller.requireApiCaller();
        Permissions.requirePostResults(user);
        if (body == null) {
            throw new InvalidInputException("body", "send a result as a JSON object, or a JSON array of them");
        }
        List<FieldError> errors = new ArrayList<>();
        List<ResultInput> inputs = new ArrayList<>();
        boolean batch = body instanceof JsonArray;
        if (batch) {
            JsonArray array = (JsonArray) body;
            if (array.isEmpty() || array.size() > 1000) {
                throw new InvalidInputException("body", "a batch holds 1 to 1000 results, not " + array.size());
            }
            for (int i = 0; i < array.size(); i++) {
                inputs.add(ResultInput.read(array.get(i), "[" + i + "].", errors));
            }
        } else {
            inputs.add(ResultInput.read(body, "", errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<ResultView> stored = results.store(inputs, user).stream().map(this::view).toList();
        return Response.status(Response.Status.CREATED).entity(batch ? new Batch(stored) : stored.get(0)).build();
    }

    @GET
    public Page list() {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        int limit = intParam(q, "limit", 20, 1, 1000);
        int page = intParam(q, "page", 0, 0, Integer.MAX_VALUE);
        Results.Search search = search(q, limit, page, null);
        List<TestResult> found = results.search(new Results.Search(search.testcases(), search.outcomes(), search.since(),
                search.until(), search.data(), search.ascending(), limit + 1, (long) page * limit, null));
        boolean more = found.size() > limit;
        List<ResultView> views = found.stream().limit(limit).map(this::view).toList();
        return new Page(views, page > 0 ? pageUrl(page - 1) : null, more ? pageUrl(page + 1) : null);
    }

    @GET
    @Path("latest")
    public Page latest() {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        List<String> distinct = split(q.getFirst("_distinct_on"));
        for (String key : distinct) {
            if (!key.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new InvalidInputException("_distinct_on", "'" + key + "' is not a data key");
            }
        }
        return new Page(results.search(search(q, 0, 0, distinct)).stream().map(this::view).toList(), null, null);
    }

    @GET
    @Path("{id}")
    public ResultView one(@PathParam("id") long id) {
        return results.find(id).map(this::view).orElseThrow(() -> new NotFoundException("there is no result " + id));
    }

    private Results.Search search(MultivaluedMap<String, String> q, int limit, int page, List<String> distinct) {
        List<FieldError> errors = new ArrayList<>();
        List<String> testcases = new ArrayList<>(split(q.getFirst("testcases")));
        split(q.getFirst("testcases:like")).forEach(testcases::add);
        List<Outcome> outcomes = new ArrayList<>();
        for (String o : split(q.getFirst("outcome"))) {
            try {
                outcomes.add(Outcome.parse(o));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", e.getMessage()));
            }
        }
        Instant since = null;
        Instant until = null;
        String s = q.getFirst("since");
        if (s != null && !s.isBlank()) {
            String[] range = s.split(",", 2);
            try {
                since = Times.parse("since", range[0]);
                until = range.length > 1 ? Times.parseOptional("since", range[1]) : null;
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        String sort = q.getFirst("_sort");
        boolean ascending = false;
        if (sort != null && !sort.isBlank()) {
            if (sort.equals("asc:submit_time")) {
                ascending = true;
            } else if (!sort.equals("desc:submit_time")) {
                errors.add(new FieldError("_sort", "must be asc:submit_time or desc:submit_time, not '" + sort + "'"));
            }
        }
        Map<String, List<String>> data = new LinkedHashMap<>();
        for (var e : q.entrySet()) {
            if (!RESERVED.contains(e.getKey())) {
                if (!e.getKey().matches("[A-Za-z0-9_.-]{1,64}")) {
                    errors.add(new FieldError(e.getKey(), "is not a data key"));
                    continue;
                }
                data.put(e.getKey(), split(String.join(",", e.getValue())));
                if (e.getKey().equals("type")) {
                    for (String t : data.get("type")) {
                        try {
                            SubjectType.parse(t);
                        } catch (IllegalArgumentException ex) {
                            errors.add(new FieldError("type", ex.getMessage()));
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Results.Search(testcases, outcomes, since, until, data, ascending, limit, page, distinct);
    }

    private static int intParam(MultivaluedMap<String, String> q, String name, int def, int min, int max) {
        String v = q.getFirst(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(name, "must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private String pageUrl(int page) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", page).build().toString();
    }

    private ResultView view(TestResult r) {
        String base = uri.getBaseUri().toString();
        return new ResultView(r.getId(), new TestcaseView(r.getTestcase(), r.getTestcaseRefUrl(),
                base + "v2.0/testcases/" + r.getTestcase()), r.getOutcome().name(), r.getNote(), r.getRefUrl(),
                RESULTSDB_TIME.format(r.getSubmittedAt()), Results.data(r), List.of(),
                base + "v2.0/results/" + r.getId());
    }
}
