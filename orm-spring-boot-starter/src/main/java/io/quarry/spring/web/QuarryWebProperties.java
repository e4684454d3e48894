package io.quarry.spring.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code quarry.web.*}: how controllers read {@code Pageable} and {@code Sort} parameters. The defaults
 * are Spring Data's ({@code spring.data.web.*}), so {@code ?page=0&size=20&sort=port,desc} means the same.
 */
@ConfigurationProperties("quarry.web")
public class QuarryWebProperties {

    /** The request parameter of the page number. */
    private String pageParameter = "page";

    /** The request parameter of the page size. */
    private String sizeParameter = "size";

    /** The request parameter of the sort, repeatable: {@code sort=datacenter.name&sort=port,desc}. */
    private String sortParameter = "sort";

    /** The page size when the request gives none, or one below 1. */
    private int defaultPageSize = 20;

    /** The largest page size a request can ask for; larger sizes are lowered to it. */
    private int maxPageSize = 2000;

    /** Whether page numbers in requests start at 1 instead of 0 (the {@code Pageable} always starts at 0). */
    private boolean oneIndexedParameters;

    public String getPageParameter() {
        return pageParameter;
    }

    public void setPageParameter(String pageParameter) {
        this.pageParameter = pageParameter;
    }

    public String getSizeParameter() {
        return sizeParameter;
    }

    public void setSizeParameter(String sizeParameter) {
        this.sizeParameter = sizeParameter;
    }

    public String getSortParameter() {
        return sortParameter;
    }

    public void setSortParameter(String sortParameter) {
        this.sortParameter = sortParameter;
    }

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    public void setDefaultPageSize(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public boolean isOneIndexedParameters() {
        return oneIndexedParameters;
    }

    public void setOneIndexedParameters(boolean oneIndexedParameters) {
        this.oneIndexedParameters = oneIndexedParameters;
    }
}
