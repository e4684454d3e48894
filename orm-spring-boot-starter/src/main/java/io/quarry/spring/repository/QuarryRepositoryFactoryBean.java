package io.quarry.spring.repository;

import io.quarry.repository.support.RepositoryFactory;
import io.quarry.repository.support.RepositoryObserver;
import io.quarry.session.Engine;
import io.quarry.session.SessionFactory;
import io.quarry.spring.QuarryExceptionTranslator;
import io.quarry.spring.SpringConnectionProvider;
import io.quarry.spring.SpringManagedSession;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the proxy of one repository interface when the context starts (so every method is
 * parsed and checked then), with the shared session, the application's transaction manager,
 * Spring exception translation, the interface's fragment implementations (beans of the custom
 * interfaces it extends), the {@link RepositoryObserver} bean if there is one (Micrometer observations), and
 * the context's {@link ApplicationEventPublisher} for the domain events of saved and deleted entities.
 * Not for direct use: {@link EnableQuarryRepositories} registers it.
 *
 * @param <T> the repository interface
 */
public class QuarryRepositoryFactoryBean<T> implements FactoryBean<T>, BeanFactoryAware, ApplicationEventPublisherAware,
        InitializingBean {

    private final Class<T> repositoryInterface;
    private ConfigurableListableBeanFactory beanFactory;
    private ApplicationEventPublisher events;
    private T repository;

    public QuarryRepositoryFactoryBean(Class<T> repositoryInterface) {
        this.repositoryInterface = repositoryInterface;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void afterPropertiesSet() {
        beanFactory.getBean(SessionFactory.class); // models built and schema in place first
        Engine engine = beanFactory.getBean(Engine.class);
        QuarryExceptionTranslator translator = beanFactory.getBean(QuarryExceptionTranslator.class);
        SpringManagedSession shared = beanFactory.getBeanProvider(SpringManagedSession.class).getIfAvailable(() ->
                new SpringManagedSession(beanFactory.getBean(SessionFactory.class),
                        new SpringConnectionProvider(beanFactory.getBean(DataSource.class)), translator));
        TransactionTemplate transactions = new TransactionTemplate(beanFactory.getBean(PlatformTransactionManager.class));
        RepositoryFactory factory = new RepositoryFactory(engine, shared.repositoryContext(transactions),
                exception -> {
                    DataAccessException translated = translator.translateExceptionIfPossible(exception);
                    return translated != null ? translated : exception;
                });
        RepositoryObserver observer = beanFactory.getBeanProvider(RepositoryObserver.class).getIfAvailable();
        repository = factory.withObserver(observer).withDomainEvents(events == null ? null : events::publishEvent)
                .create(repositoryInterface, fragments().toArray());
    }

    private List<Object> fragments() {
        List<Object> fragments = new ArrayList<>();
        for (Class<?> fragment : RepositoryScanner.fragmentInterfaces(repositoryInterface)) {
            List<String> names = new ArrayList<>();
            for (String name : beanFactory.getBeanNamesForType(fragment, true, false)) {
                if (!beanFactory.containsBeanDefinition(name)
                        || !RepositoryScanner.isRepository(beanFactory.getMergedBeanDefinition(name))) {
                    names.add(name);
                }
            }
            if (names.size() > 1) {
                throw new IllegalStateException("Repository " + repositoryInterface.getSimpleName() + " extends "
                        + fragment.getSimpleName() + ", which " + names.size() + " beans implement " + names
                        + "; keep one, or mark the one to use @Primary");
            }
            if (names.size() == 1) {
                fragments.add(beanFactory.getBean(names.get(0)));
            }
        }
        return fragments;
    }

    @Override
    public T getObject() {
        return repository;
    }

    @Override
    public Class<?> getObjectType() {
        return repositoryInterface;
    }

    @Override
    public String toString() {
        return "QuarryRepositoryFactoryBean[" + repositoryInterface.getName() + "]";
    }
}
