package org.paddock.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** A group of maintainers, such as {@code nginx-maintainers}; module streams are owned by a group. */
@Entity(name = "PaddockGroup")
@Table(name = "paddock_group")
public class Group {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 200)
    private String description;

    protected Group() {
    }

    public Group(String name, String description) {
        this.name = Objects.requireNonNull(name);
        this.description = description == null ? "" : description;
    }

    public void describe(String newDescription) {
        this.description = newDescription == null ? "" : newDescription;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && name.equals(g.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
