package dev.billinggateway.provider.revenuemonster.sandbox;

import java.util.List;

import dev.billinggateway.sandbox.SandboxSetting;

/**
 * Fixed demo data and demo credentials of the Revenue Monster sandbox, for tests, README examples and
 * GraphiQL sessions. The keys below were generated for this sandbox and protect nothing: never use them
 * against the real Revenue Monster.
 */
public final class RevenueMonsterDemoData {

    private RevenueMonsterDemoData() {
    }

    // --- credentials the connector uses when it talks to the sandbox and none are configured
    public static final String CLIENT_ID = "1668148680519476000";
    public static final String CLIENT_SECRET = "sandbox-demo-secret-not-for-production";
    public static final String MERCHANT_ID = "4118165203679668885";
    public static final String STORE_ID = "1602660043994159611";

    /** The merchant key pair: the connector signs with the private key, the sandbox checks with the public one. */
    public static final String MERCHANT_PRIVATE_KEY_PEM = """
            -----BEGIN RSA PRIVATE KEY-----
            MIIEpAIBAAKCAQEAq4q9mx+Q3G42QTHeZ3WqOmMPOauu0K2vt7LqM54j9we4MR/m
            xCDOBx8xKoSKH8P9VDOCX5PcW+NNgg3jHDtjzsp4Ck/D0BEBUXmPyWW+rqrhr2yR
            AOEuGBctEH3CUdJnB/h9binxf6OV/zkREGuNocG7089N3//jnbR9iOSBwCuxkC36
            JJ623kYk6A9IhsfnkW3vb5gqyxSqMwnVhZcYjAXCkUgacqMb1xAlY0690mwWhh8x
            K9xKP8rF/BloEiEapfN1J4/DMaiWkrmzFPJy/IgduIUc+jCX3PLKfkDUgBN9a0Dx
            sKuuTHjjSEFFLhnGJBI5w1aqAu0APmFsSlVohQIDAQABAoIBAAKcZn1lchmAze+Z
            GDb/6frghhtNGyiO9DU6Eml9tzNr2ShaQXNrwmcGWQO6J7YLECCHdi0JPZnicEwR
            9Qp5du/vUftqMmNI1vnL/V3F4Cydajj20JAwXTi9pZByMZJ4Ptw2soYKOmREc6SC
            VFmpIWs8XSUAq0FFDkxYsm5yd+0aVrscXLGcVaDLd4b6uyP5ZNsue7Rlj/mG9sNz
            Xd9QiPFXXkuEW8ZhK1a8SXP3/tTwOnqIkckNbjRusRDmSwzu5oJ0gV98xz5YHqOL
            ewSHYviW6/Txwdfvm+x8JqPDbfXn0QyV1p9X/ar/XvTZRj2BEqSWD0+tpyzH4Er6
            zFcAsdMCgYEA6dxS7nxlrjgdJVG/F2REphikLTTXz0CLJHtY/tkn0hTTuNQ7UIT/
            BdtUnTesKpTKmsBN9C45Hn80LwC7rLbLJ5FKI706OjMTtJ6hDiv5Whs/E5C71UHA
            yo5ikpzc82FKWoviru2UrnWRaqLcx3emjHFjRCMYOLmgOUsFfjM52YcCgYEAu8gb
            QY8QjSvYlj/jFqXnhJBwu7dISEUhot5ILJobzPpCbZn6nuE1SfpJ62zV04vkGnA3
            CwrtZxJa68dN1TgwPOb5sONNQ2nDuVylpxbO4THl9tA3bxC7zcvJCEufPAOCsyFa
            nU9QvaD/3TF1qciXX8S5ghN8M9Zwj0vgiCBWgJMCgYEAiUWXtH92nAY6LX7HgW6M
            0UZjkFmVWAVV54sz2RwUwL8S7Eo/qur2WzS8fTCBsdj2+FFrMKq1Qo5+ThzLDP2b
            UFV7RHE9rY3vwjTe6terHVYi91QcvXhEN2HOwKqtE3uHTpEP9YhlnuZJ/mMs3zT/
            oS6piwRiomFriFXeGo7tJR8CgYBJXBSh2QVLUXzMveq2l1vKIy+XdjPr3+4TFam2
            mwIPYxl+ffA2D59k5j3oll02xuj3Fy25x6wVX0tb30Hd8ZSOxmF3pGUz1+bZzIL+
            st9hhL/lW1S8tBnafSltbzWnGWv/FSG0YR8W5gXvYPopuS7CADXExl34Vmck5Cy0
            oYWJtwKBgQC3oNLTN4pWkGeBy0/mG/S043UyzdbvDxhesVqMKQNVqQ/vHZmi7sQY
            4s/Z48QSANAc4IVrgTNuXryzb0BT63Hf/3440KWZb5SQGI+fy+p/+BQKefU9oQke
            BN/0xv9BXOxOJOhnTVLx+n6f32di0wYZF/TlxH5Hd1hHN63nJuYf+Q==
            -----END RSA PRIVATE KEY-----
            """;

    public static final String MERCHANT_PUBLIC_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq4q9mx+Q3G42QTHeZ3Wq
            OmMPOauu0K2vt7LqM54j9we4MR/mxCDOBx8xKoSKH8P9VDOCX5PcW+NNgg3jHDtj
            zsp4Ck/D0BEBUXmPyWW+rqrhr2yRAOEuGBctEH3CUdJnB/h9binxf6OV/zkREGuN
            ocG7089N3//jnbR9iOSBwCuxkC36JJ623kYk6A9IhsfnkW3vb5gqyxSqMwnVhZcY
            jAXCkUgacqMb1xAlY0690mwWhh8xK9xKP8rF/BloEiEapfN1J4/DMaiWkrmzFPJy
            /IgduIUc+jCX3PLKfkDUgBN9a0DxsKuuTHjjSEFFLhnGJBI5w1aqAu0APmFsSlVo
            hQIDAQAB
            -----END PUBLIC KEY-----
            """;

    /** The "RM server" key pair: the sandbox signs notify callbacks, the connector verifies them. */
    public static final String SERVER_PRIVATE_KEY_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCtpwh3Jk4H9IPe
            hOEEHJLEqAjlSRVfWITpnDxe8Ugme+DplOvW6M59+gLMhx1msLCmGvZcAI+7mrUx
            l5jjD2g8wv+3iw1QpAV1koGTmB1uuZDFAckYcKj9U4+Iif8pvQUNCvjleospu5d+
            LDdbDkv3mgo50Rxaq6IebqZiGRNaHOe08wY5JkCnpZYkY3udFT+iKh9DsX0lx+o/
            hqoRxTAsoqJSJsFLGgrbmqGrnxqxkxrRKGc6db1Hm1h+gL1T7l+Cy+VJJdqvi+UI
            vOGTje7SRK2/vmYn3cWzyCpaRM986yi5p5MOcNnNF46Dob74dGkYICJQwHkoqGl+
            JDZDvsCVAgMBAAECggEAFXhshIbY6QTjdRTK2X5K60O3bdn+aX6BWHz3velpOVDh
            ux+tlTHNrifGRtGB4huAi9kTksaC/vge5RXQUmqqQbD+ewwXRlwxTJsjqEMLiJAr
            BSC2Y24yhrfZLFGbmeaEBFvR8FWZdTx7e58t7PU0kVWbZBClx9QmxEp8Ce79xItP
            4Zp4glIOY7Ljm4dr6BCtK4TzL+qKNidsmlXBKY6uiHH7VYER9cJt4wMQ8c3i5tAV
            lfbIj+hlt8JI8ZSS5k7/UtfCHalYz5LrqmcZydDbRgTuythRXnvDy4AuzJU3rvzi
            XNEBluNLr+Dw7J4uEZnQ98nE0kBdnzb2CTN9mlwA4QKBgQDswTZYudEgKnBa6Bax
            BSu+NOq6TObYOVaTvDCf5eY51Xb8aeJuVle8aMDS/GRq4J9HN5gkYV36nblqxTwq
            nh1DG5GIU78ns0uVAj6Qdush+7Njv/cOYrNcs14LBTsYVqBvapAdLTpHaWZXpH/p
            NE/9AVcG7Y1QFsofFMBOvG4OfQKBgQC7xK7+imdln3I6brjLfoY7cQj38KO3ou/Q
            N8D3la5+0bxqTp2/9Uim7WcHzyTNTV33nVfRqMGmKVx04kJw8NYVLGYW5zOA0Vso
            xr7jK4cO93suA7lvYGkdK2HNzCTYeVUjeMBgbmgvyAtK+pVZjGpaB7lSnKFkqvt5
            k0QozhCd+QKBgQDfFqjZLi7KenLoli1bnJ29WyubZP9Y256jEv9WjFFGSckWy8db
            ZOzDUonvxXfx5brwZohsL3tYveqLm1K4bcjxBTc7GH7VL/OWc0j047loij5dTfPE
            kGimfzWseL9YjbgbhHRLqeRyifSvvQfyfSKqKusQUiOIRhEq/GjBSHkEGQKBgQCn
            E6UO04Kbl1wiCGGgmO3COJtdW5+iCHbRVLr80xCYwfGgumF97DkAZ+A0v6okkEIb
            0cLRyRK+0rD1RFsQegxUfNQ+bu2SIze1Odui8hlURPwzfpbjNutxTCfT4mGqyZPr
            Y0fyxmsokR0TU5PPQbVkdNj/XGXz2Hy5ukN895crqQKBgQCkJIEYez7wV2H3Rg6U
            A7AsIdDFg8kb92XqtkazCagSQ0ZcmVqVQPcTYUuDdP80C+wWl8aVMwNuZIW15C8b
            uOeNcpD4xY9uDv4jr+QGpHoDOtm28rip9fOkcui4LAzot2mHtDAxMZNpcNKLQh4K
            CI8H29wnlSQ9VZpUh9FWgtd9aw==
            -----END PRIVATE KEY-----
            """;

    public static final String SERVER_PUBLIC_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAracIdyZOB/SD3oThBByS
            xKgI5UkVX1iE6Zw8XvFIJnvg6ZTr1ujOffoCzIcdZrCwphr2XACPu5q1MZeY4w9o
            PML/t4sNUKQFdZKBk5gdbrmQxQHJGHCo/VOPiIn/Kb0FDQr45XqLKbuXfiw3Ww5L
            95oKOdEcWquiHm6mYhkTWhzntPMGOSZAp6WWJGN7nRU/oiofQ7F9JcfqP4aqEcUw
            LKKiUibBSxoK25qhq58asZMa0ShnOnW9R5tYfoC9U+5fgsvlSSXar4vlCLzhk43u
            0kStv75mJ93Fs8gqWkTPfOsouaeTDnDZzReOg6G++HRpGCAiUMB5KKhpfiQ2Q77A
            lQIDAQAB
            -----END PUBLIC KEY-----
            """;

    /**
     * What the sandbox configures for Revenue Monster when it serves it ({@code gateway.providers.revenue-monster.*}):
     * one base URL for both the OAuth and the Open API, and the demo credentials; a key given as a file wins.
     */
    public static List<SandboxSetting> settings(String baseUrl) {
        return List.of(SandboxSetting.of("oauth-url", baseUrl),
                SandboxSetting.of("client-id", CLIENT_ID),
                SandboxSetting.of("client-secret", CLIENT_SECRET),
                SandboxSetting.of("store-id", STORE_ID),
                SandboxSetting.of("private-key", MERCHANT_PRIVATE_KEY_PEM, "private-key-file"),
                SandboxSetting.of("server-public-key", SERVER_PUBLIC_KEY_PEM, "server-public-key-file"));
    }

    // --- demo recurring customers (the customer ID is also the subscription ID)
    /** Card bound, active, MONTHLY on the 1st, 12 charges planned, 3 made (plus one failed). */
    public static final String ACTIVE_CUSTOMER_ID = "1668148680519476516";
    /** Card bound, active, WEEKLY on Monday, 52 charges planned, 12 made: its orders span several pages. */
    public static final String WEEKLY_CUSTOMER_ID = "1668148680519476517";
    /** Card bound, deactivated by the merchant. */
    public static final String INACTIVE_CUSTOMER_ID = "1668148680519476518";
    /** Created, no card bound yet: isActive false, paymentUrl waiting. */
    public static final String PENDING_CUSTOMER_ID = "1668148680519476519";
    /** Card bound, active, all 2 planned charges made. */
    public static final String COMPLETED_CUSTOMER_ID = "1668148680519476520";
    /** An ID the sandbox does not know. */
    public static final String UNKNOWN_CUSTOMER_ID = "1000000000000000000";

    public static final List<String> CUSTOMER_IDS = List.of(
            ACTIVE_CUSTOMER_ID, WEEKLY_CUSTOMER_ID, INACTIVE_CUSTOMER_ID, PENDING_CUSTOMER_ID, COMPLETED_CUSTOMER_ID);

    /** The card the binding page offers; its RM label is front six and last four digits. */
    public static final String TEST_CARD_NUMBER = "4111111111111111";
    public static final String TEST_CARD_LABEL = "411111******1111";
}
