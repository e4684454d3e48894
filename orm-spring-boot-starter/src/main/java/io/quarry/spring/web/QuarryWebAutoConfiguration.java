package io.quarry.spring.web;

import io.quarry.repository.Pageable;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Quarry in Spring MVC controllers: {@code Pageable} and {@code Sort} parameters read from the request
 * ({@code quarry.web.*}, Spring Data's syntax and bounds), a 400 for a sort the model does not have
 * ({@link QuarryWebErrors}), and {@code Page}/{@code Slice} results written as stable JSON
 * ({@link PageJson}, when Jackson is present). Only in servlet web applications;
 * {@code quarry.web.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WebMvcConfigurer.class, Pageable.class})
@ConditionalOnBooleanProperty(name = "quarry.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QuarryWebProperties.class)
public class QuarryWebAutoConfiguration {

    @Bean
    WebMvcConfigurer quarryWebMvcConfigurer(QuarryWebProperties properties) {
        HandlerMethodArgumentResolver paging = new WebRequestPaging(properties);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(paging);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    QuarryWebErrors quarryWebErrors() {
        return new QuarryWebErrors();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    static class PageJsonConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PageJson quarryPageJson() {
            return new PageJson();
        }
    }
}
