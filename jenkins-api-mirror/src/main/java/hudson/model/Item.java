package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Item.java (jenkins-2.541.3): the members the plugin uses. Upstream extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject,
 * FullyNamed, Named and OnMaster too; {@code CONFIGURE} and {@code CANCEL} are initialised there, here it only has the type.
 */
public interface Item extends AccessControlled {
    Permission CONFIGURE = null;

    Permission CANCEL = null;
}
