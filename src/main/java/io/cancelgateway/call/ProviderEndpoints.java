package io.cancelgateway.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderSettings;
import org.apache.camel.quarkus.main.events.BeforeConfigure;

/**
 * What isolates one provider from the others, made before the routes are: its own connection pool with its connect and
 * read timeouts ({@code #<provider>-connections}, the provider's HTTP endpoint's {@code clientConnectionManager}, open
 * until the Camel context stops: {@link ProviderConnections}), and
 * its own threads to wait for its answers on ({@code <provider>-calls}, the provider route's {@code threads}), both
 * {@code cancel.providers.<provider>.max-concurrent-calls} large, as its bulkhead is ({@link ProviderGuard}). A provider
 * that stalls or fails fills only its own.
 */
@ApplicationScoped
public class ProviderEndpoints {


    void bind(@Observes BeforeConfigure configuring, ConfiguredProviders providers) throws Exception {
        CamelContext camel = configuring.getCamelContext();
        List<ProviderConnections> pools = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            ProviderSettings settings = providers.settings(provider);
            ProviderConnections pool = new ProviderConnections(connections(settings));
            pools.add(pool);
            camel.getRegistry().bind(provider.id() + "-connections", HttpClientConnectionManager.class, pool);
            camel.getRegistry().bind(provider.id() + "-calls", ExecutorService.class, calls(camel, settings));
        }
        // Stopped with the context's services, once its routes have stopped.
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                pools.forEach(ProviderConnections::shut);
            }
        });
    }

    /**
     * An answer's head is bounded too (the body is, by {@link LimitedAnswer}): lines of 8 KiB and 100 header fields at
     * most, plenty for any provider; HttpClient's own default is no limit at all.
     */
    private static final Http1Config ANSWER_HEAD = Http1Config.custom()
            .setMaxLineLength(8 * 1024)
            .setMaxHeaderCount(100)
            .build();

    private static PoolingHttpClientConnectionManager connections(ProviderSettings settings) {
        return new PoolingHttpClientConnectionManagerBuilder() {
                    // As the builder's own, with sockets whose reads stop at the attempt's deadline.
                    @Override
                    protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports,
                            DnsResolver dns, TlsSocketStrategy tls) {
                        return new DefaultHttpClientConnectionOperator(DeadlineSocket::create, ports, dns,
                                RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
                    }
                }
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder().http1Config(ANSWER_HEAD).build())
                .setMaxConnTotal(settings.maxConcurrentCalls())
                .setMaxConnPerRoute(settings.maxConcurrentCalls())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .build();
    }

    private ExecutorService calls(CamelContext camel, ProviderSettings settings) {
        ThreadPoolProfile profile = new ThreadPoolProfile(settings.provider().id() + "-calls");
        profile.setPoolSize(settings.maxConcurrentCalls());
        profile.setMaxPoolSize(settings.maxConcurrentCalls());
        profile.setAllowCoreThreadTimeOut(true);
        // Only admitted calls come here, one per slot of the provider's bulkhead: a thread is free for each.
        profile.setMaxQueueSize(settings.maxConcurrentCalls());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return camel.getExecutorServiceManager().newThreadPool(this, profile.getId(), profile);
    }
}
