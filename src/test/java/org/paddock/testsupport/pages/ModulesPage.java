package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

/** {@code modules.xhtml}: every module stream in a filterable table. */
public class ModulesPage extends Page {

    public ModulesPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public ModulesPage open() {
        go("modules.xhtml");
        return this;
    }

    public List<String> rows() {
        return browser.findElements(By.cssSelector("[id$='modules-table_data'] tr")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** Types into the module column's filter (an AJAX request). */
    public ModulesPage filterModule(String text) {
        css("[id$='col-module'] input").sendKeys(text);
        return this;
    }

    /** Types into the filter and waits for {@code rows} rows. */
    public ModulesPage filterModule(String text, int rows) {
        filterModule(text);
        waitFor(d -> rows().size() == rows);
        return this;
    }

    /** The id of the form that holds the table. */
    public String tableForm() {
        return css("[id$='modules-table']").findElement(By.xpath("ancestor::form")).getAttribute("id");
    }
}
