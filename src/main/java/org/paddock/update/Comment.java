package org.paddock.update;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.util.Objects;

/** A comment on an update with its karma vote: +1 works, 0 neutral, -1 broken. */
@Entity(name = "UpdateComment")
@Table(name = "update_comment")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id")
    private ModuleUpdate update;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "author_id")
    private User author;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private short karma;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Comment() {
    }

    Comment(ModuleUpdate update, User author, String text, int karma, Instant createdAt) {
        this.update = Objects.requireNonNull(update);
        this.author = Objects.requireNonNull(author);
        this.text = Objects.requireNonNull(text);
        this.karma = (short) karma;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() {
        return id;
    }

    public User getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public int getKarma() {
        return karma;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
