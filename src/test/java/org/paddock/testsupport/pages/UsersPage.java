package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

/** {@code users.xhtml} (admins): users and groups, forms to create either, members, and one user's edit form. */
public class UsersPage extends Page {

    public UsersPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public UsersPage open() {
        go("users.xhtml");
        return this;
    }

    /** The page with {@code username}'s edit form. */
    public UsersPage edit(String username) {
        go("users.xhtml?edit=" + username);
        return this;
    }

    /** Creates a user with no roles or groups. */
    public UsersPage createUser(String username, String displayName, String password) {
        replace("user-form:username", username);
        replace("user-form:displayName", displayName);
        replace("user-form:password", password);
        submit("user-form:create-user");
        return this;
    }

    public UsersPage createGroup(String name, String description) {
        replace("group-form:groupName", name);
        replace("group-form:groupDescription", description);
        submit("group-form:create-group");
        return this;
    }

    public UsersPage addMember(String group, String username) {
        choose("member-form:memberGroup", group);
        replace("member-form:memberUser", username);
        submit("member-form:add-member");
        return this;
    }

    public UsersPage removeMember(String group, String username) {
        choose("member-form:memberGroup", group);
        replace("member-form:memberUser", username);
        submit("member-form:remove-member");
        return this;
    }

    /** Ticks or unticks {@code role} in the edit form. */
    public UsersPage toggleRole(String role) {
        browser.findElement(By.xpath("//div[@id='edit-form:editRoles']//label[normalize-space()='" + role + "']")).click();
        return this;
    }

    /** Ticks or unticks "Active" in the edit form. */
    public UsersPage toggleActive() {
        browser.findElement(By.cssSelector("[id='edit-form:editActive'] .ui-chkbox-box")).click();
        return this;
    }

    public UsersPage save() {
        submit("edit-form:save-user");
        return this;
    }

    public UsersPage resetPassword(String password) {
        replace("password-form:newPassword", password);
        submit("password-form:reset-password");
        return this;
    }

    /** The groups table's row of {@code group}, as text. */
    public String group(String group) {
        return browser.findElement(By.xpath("//table[@id='groups-table']//tr[.//code[text()='" + group + "']]"))
                .getText();
    }

    /** The users table's row of {@code username}, as text. */
    public String user(String username) {
        return browser.findElement(By.xpath("//table[@id='users-table']//tr[.//code[text()='" + username + "']]"))
                .getText();
    }

    public String groupFormText() {
        return text("group-form");
    }

    public String memberFormText() {
        return text("member-form");
    }

    public String editFormText() {
        return text("edit-form");
    }

    /** The name in the edit form, as its input holds it. */
    public String editedDisplayName() {
        return byId("edit-form:editDisplayName").getAttribute("value");
    }

    public String changes() {
        return text("user-changes");
    }

    /** Sends a form (not by AJAX) and waits until the page it answers with has replaced this one. */
    private void submit(String buttonId) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(buttonId);
        waitFor(ExpectedConditions.stalenessOf(page));
        // the page after the post (and its redirect) has loaded, and PrimeFaces has set up its widgets
        waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }
}
