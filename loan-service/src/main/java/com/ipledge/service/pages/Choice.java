package com.ipledge.service.pages;

/** One option of a select or datalist on a page: what the form submits and what the person reads. */
public record Choice(String value, String label) {
}
