package io.quarry.spring.replica;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.transaction.ConfigurableTransactionManager;

/**
 * Puts the routing in front of the primary DataSource bean (the one DataSource that is a default
 * candidate for injection and no {@link QuarryReplica}, else the {@code @Primary} one among several), so
 * that the transaction manager, {@code JdbcTemplate}, Quarry and the application all share it, and adds
 * the {@link ReadYourWrites} listener to the transaction managers. Does nothing when no replica is
 * configured. Thread-safe after start-up.
 */
final class ReplicaRoutingPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRoutingPostProcessor.class);

    private ConfigurableListableBeanFactory beanFactory;
    private volatile String primaryName;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && beanName.equals(primaryName())) {
            ReplicaRouter router = router();
            if (router != null) {
                LOG.info("Read-only work on DataSource '{}' goes to {}", beanName, router);
                return router.route(dataSource);
            }
        } else if (bean instanceof ConfigurableTransactionManager manager) {
            ReplicaRouter router = router();
            if (router != null && !manager.getTransactionExecutionListeners().contains(router.readYourWrites())) {
                manager.addListener(router.readYourWrites());
            }
        }
        return bean;
    }

    private ReplicaRouter router() {
        ReplicaRouter router = beanFactory.getBeanProvider(ReplicaRouter.class).getIfAvailable();
        return router != null && router.hasReplicas() ? router : null;
    }

    /** The name of the primary DataSource bean, or "" when there is none or no single one. */
    private String primaryName() {
        String name = primaryName;
        if (name == null) {
            List<String> candidates = Arrays.stream(beanFactory.getBeanNamesForType(DataSource.class, true, false))
                    .filter(this::isPrimaryCandidate).toList();
            if (candidates.size() > 1) {
                candidates = candidates.stream().filter(candidate -> definition(candidate).isPrimary()).toList();
            }
            name = candidates.size() == 1 ? candidates.get(0) : "";
            if (name.isEmpty()) {
                LOG.debug("No single primary DataSource among {}; read replicas not routed", candidates);
            }
            primaryName = name;
        }
        return name;
    }

    private boolean isPrimaryCandidate(String name) {
        if (!beanFactory.containsBeanDefinition(name)) {
            return false;
        }
        BeanDefinition definition = definition(name);
        boolean defaultCandidate = !(definition instanceof AbstractBeanDefinition own) || own.isDefaultCandidate();
        return definition.isAutowireCandidate() && defaultCandidate
                && beanFactory.findAnnotationOnBean(name, QuarryReplica.class, false) == null;
    }

    private BeanDefinition definition(String name) {
        return beanFactory.getMergedBeanDefinition(name);
    }
}
