package org.paddock.update;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.InvalidInputException;
import org.paddock.release.ReleaseRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Updates page. Every filter, the sort and the page are URL parameters, so a view can be bookmarked
 * and shared; only one page of rows is read from the database.
 */
@Named("updateList")
@RequestScoped
public class UpdateListBacking {

    static final int ROWS = 25;

    @Inject
    UpdateRepository updates;

    @Inject
    ReleaseRepository releases;

    @Inject
    FacesContext faces;

    private String release;
    private String module;
    private String status;
    private String request;
    private String type;
    private String severity;
    private String cve;
    private String bug;
    private String submitter;
    private String q;
    private String gating;
    private String sort = "submitted";
    private String order = "desc";
    private int page = 1;

    private List<UpdateDtos.UpdateSummary> rows = List.of();
    private long total;
    private List<String> releaseNames = List.of();

    /** Loads the page of rows the URL asks for; a bad filter shows its reason instead of an empty list. */
    public void load() {
        releaseNames = releases.allWithModuleStreams().stream().map(r -> r.getName()).toList();
        try {
            UpdateRepository.Summaries result = updates.summaries(query().checked(), (Math.max(page, 1) - 1L) * ROWS, ROWS);
            rows = result.rows();
            total = result.total();
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> faces.addMessage("filters:" + err.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, err.field() + ": " + err.reason(), err.reason())));
        }
    }

    private UpdateQuery query() {
        return new UpdateQuery(release, module, status, request, type, severity, cve, bug, submitter, q, gating,
                UpdateQuery.SORTABLE.contains(sort) ? sort : "submitted", !"asc".equals(order));
    }

    /** A URL of this page with the current filters and the given sort/page. */
    public String link(String newSort, int newPage) {
        Map<String, String> p = new java.util.LinkedHashMap<>(query().asParameters());
        String s = newSort == null ? sort : newSort;
        String o = newSort == null || !newSort.equals(sort) ? (newSort == null ? order : "desc")
                : ("desc".equals(order) ? "asc" : "desc");
        p.put("sort", s);
        p.put("order", o);
        if (newPage > 1) {
            p.put("page", String.valueOf(newPage));
        }
        return faces.getExternalContext().getRequestContextPath() + "/updates.xhtml?" + p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String sortLink(String column) {
        return link(column, 1);
    }

    public String pageLink(int p) {
        return link(null, p);
    }

    public String arrow(String column) {
        return column.equals(sort) ? ("asc".equals(order) ? " ▲" : " ▼") : "";
    }

    public int getPages() {
        return (int) Math.max(1, (total + ROWS - 1) / ROWS);
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(UpdateStatus.values()).map(UpdateStatus::word).toList();
    }

    public List<String> getRequests() {
        return java.util.Arrays.stream(UpdateRequest.values()).map(UpdateRequest::word).toList();
    }

    public List<String> getTypes() {
        return java.util.Arrays.stream(UpdateType.values()).map(UpdateType::word).toList();
    }

    public List<String> getSeverities() {
        return java.util.Arrays.stream(Severity.values()).map(Severity::word).toList();
    }

    public List<String> getReleaseNames() {
        return releaseNames;
    }

    public List<UpdateDtos.UpdateSummary> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    // URL parameters
    public String getRelease() { return release; }
    public void setRelease(String v) { release = v; }
    public String getModule() { return module; }
    public void setModule(String v) { module = v; }
    public String getGating() { return gating; }
    public void setGating(String v) { gating = v; }
    public List<String> getGatings() { return UpdateQuery.GATING; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getRequest() { return request; }
    public void setRequest(String v) { request = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getSeverity() { return severity; }
    public void setSeverity(String v) { severity = v; }
    public String getCve() { return cve; }
    public void setCve(String v) { cve = v; }
    public String getBug() { return bug; }
    public void setBug(String v) { bug = v; }
    public String getSubmitter() { return submitter; }
    public void setSubmitter(String v) { submitter = v; }
    public String getQ() { return q; }
    public void setQ(String v) { q = v; }
    public String getSort() { return sort; }
    public void setSort(String v) { sort = v; }
    public String getOrder() { return order; }
    public void setOrder(String v) { order = v; }
    public int getPage() { return page; }
    public void setPage(int v) { page = v; }
}
