package org.paddock.platform.security;

import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.PageTest;
import org.paddock.testsupport.pages.LoginPage;
import org.paddock.testsupport.pages.UsersPage;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin on the Users page: creates a group of maintainers and adds alice to it, edits a user's roles and
 * disables them, resets a password; wrong input is told next to its field and stores nothing.
 */
class UsersPageIT extends PageTest {

    private UsersPage usersPage() {
        return new UsersPage(browser, base);
    }

    @Test
    void anAdminCreatesAGroupAndAddsAlice() {
        String group = "httpd-maintainers-" + UUID.randomUUID().toString().substring(0, 6);
        signIn("admin");
        UsersPage page = usersPage().open();

        long groups = ApiTokens.count("select count(*) from paddock_group");
        page.createGroup("Httpd Maintainers", "Maintainers of httpd");
        page.waitForText("must start with a lower-case letter");
        assertThat(page.groupFormText()).contains("must start with a lower-case letter");
        assertThat(ApiTokens.count("select count(*) from paddock_group")).isEqualTo(groups);

        page.createGroup(group, "Maintainers of httpd");
        // a user of this test, not a demo user: the other browser tests count on the demo users' groups
        String pat = "pat-" + group.substring(group.length() - 6);
        page.createUser(pat, "Pat Example", "a-long-password");
        page.addMember(group, pat);
        assertThat(page.group(group)).contains(pat);
        assertThat(page.user(pat)).contains(group);

        page.addMember(group, "nobody");
        page.waitForText("there is no user 'nobody'");
        page.screenshot("users-groups");
        page.screenshotOf("member-form", "users-membership");
        page.screenshotOf("user-form", "users-new");
        assertThat(page.edit(pat).changes()).contains("username").contains(pat).contains(group);

        page.open().removeMember(group, pat);
        assertThat(page.user(pat)).doesNotContain(group);
        assertThat(page.group(group)).doesNotContain(pat);
    }

    /** On a user of its own: the demo users keep their roles and password for the other browser tests. */
    @Test
    void anAdminEditsAUserDisablesThemAndResetsTheirPasswordButNotThemself() {
        String sam = "sam-" + UUID.randomUUID().toString().substring(0, 6);
        signIn("admin");
        UsersPage page = usersPage().open().createUser(sam, "Sam Example", "sams-password");
        page.edit(sam).toggleRole("maintainer").toggleActive().save();
        assertThat(page.user(sam)).contains("maintainer").contains("disabled");
        assertThat(page.changes()).contains("admin active true false").contains("roles");

        page.signOut(); // a disabled user cannot sign in
        loginPage().open().attempt(sam, "sams-password");
        loginPage().waitForWrongPassword();
        signIn("admin");
        page.edit(sam);

        page.resetPassword("short");
        page.waitForText("must be at least 8 characters");
        assertThat(page.editedDisplayName()).isEqualTo("Sam Example"); // the other form still shows what is stored
        page.resetPassword("a-new-password");
        assertThat(page.changes()).contains("password").contains("reset");

        page.edit(sam).toggleActive().save();
        assertThat(page.user(sam)).contains("active");
        page.screenshot("users-edit");

        page.edit("admin").toggleActive().save();
        page.waitForText("admin may not disable themself");
        assertThat(page.user("admin")).contains("active");
    }
}
