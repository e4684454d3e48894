package io.quarry.spring.boot.scan;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Stands for an application class in this package (as @SpringBootApplication would register it). */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScanApplication {
}
