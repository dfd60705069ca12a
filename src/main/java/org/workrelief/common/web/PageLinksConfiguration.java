package org.workrelief.common.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links a page writes are written as they are. Boot registers {@link ResourceUrlEncodingFilter}
 * because the webjars locator is on the class path; it would rewrite links to versioned or
 * fingerprinted resources, which we do not use (webjar links name no version, and the resource
 * handler finds the version when the file is asked for). Yet it matched every link of every page
 * against the resource patterns: a sixth of the samples in a profile of a small page.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksConfiguration {

    /** A registration of the filter that is disabled: Boot then registers none of its own. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
