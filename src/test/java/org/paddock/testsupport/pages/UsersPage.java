package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

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
        post("user-form:create-user");
        return this;
    }

    public UsersPage createGroup(String name, String description) {
        replace("group-form:groupName", name);
        replace("group-form:groupDescription", description);
        post("group-form:create-group");
        return this;
    }

    public UsersPage addMember(String group, String username) {
        choose("member-form:memberGroup", group);
        replace("member-form:memberUser", username);
        post("member-form:add-member");
        return this;
    }

    public UsersPage removeMember(String group, String username) {
        choose("member-form:memberGroup", group);
        replace("member-form:memberUser", username);
        post("member-form:remove-member");
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
        post("edit-form:save-user");
        return this;
    }

    public UsersPage resetPassword(String password) {
        replace("password-form:newPassword", password);
        post("password-form:reset-password");
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
}
