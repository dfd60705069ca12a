package org.workrelief.common.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The site icon: pages link {@code /static/favicon.svg} (and the ICO), but browsers, WeChat and link previews
 * still ask for {@code /favicon.ico} at the root, outside {@code /static/**}; it is served from the same folder,
 * without sign-in (SecurityConfiguration permits it), so that no public page logs a 404.
 */
@Configuration(proxyBeanMethods = false)
class FaviconConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }
}
