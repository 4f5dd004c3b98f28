package com.ipledge.service.ipasset;

/** Who a copyright's term is counted by: a person's life, or an organisation's first publication. */
public enum AuthorKind {
    NATURAL_PERSON, ORGANISATION
}
