package io.cancelgateway.e2e;

import io.cancelgateway.jms.StandaloneArtemisResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The client broker users' privileges on an external broker ({@code cancel.jms.embedded=false}): a standalone Artemis
 * broker in its own process, given the security settings, users' roles and broker plugins the README gives operators.
 */
@QuarkusTest
@TestProfile(BrokerPrivilegeContract.TwoClients.class)
@WithTestResource(value = StandaloneArtemisResource.class, initArgs = {
        @ResourceArg(name = BrokerPrivilegeContract.ERP_A, value = BrokerPrivilegeContract.ERP_A_PASSWORD),
        @ResourceArg(name = BrokerPrivilegeContract.ERP_B, value = BrokerPrivilegeContract.ERP_B_PASSWORD) })
class ExternalBrokerPrivilegeTest extends BrokerPrivilegeContract {
}
