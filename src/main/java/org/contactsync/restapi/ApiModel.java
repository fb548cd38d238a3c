package org.contactsync.restapi;

import org.contactsync.contact.api.ContactSchema;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The part of the OpenAPI document that annotations cannot give: schemas made in code (a contact's, from the field
 * catalogue). Registered as {@code mp.openapi.model.reader}; the resources' annotations add the rest.
 */
public class ApiModel implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema(ContactSchema.NAME, ContactSchema.contact()));
    }
}
