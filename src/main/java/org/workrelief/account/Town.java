package org.workrelief.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;

/** 镇: the administrative unit that owns projects; town users see only their own town's data. */
@Entity
@Table(name = "town")
public class Town extends BaseEntity {

    private String code;

    private String name;

    protected Town() {
    }

    Town(String code, String name) {
        this.code = code.trim();
        this.name = name.trim();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
