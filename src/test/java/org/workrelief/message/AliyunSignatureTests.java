package org.workrelief.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The request signature of Alibaba Cloud SMS (signature version 1.0) against the worked example the
 * provider publishes in its signing documentation (AccessKey testId / testSecret, SendSms to
 * 15300000001 with the sign name 阿里云短信测试专用 on 2017-07-12T02:42:19Z, GET): its signature is
 * zJDF+Lrzhj/ThnlvIToysFRq6t4=.
 */
class AliyunSignatureTests {

    static Map<String, String> publishedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        // deliberately not in order: the canonical query sorts them
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("AccessKeyId", "testId");
        p.put("Action", "SendSms");
        p.put("Format", "XML");
        p.put("OutId", "123");
        p.put("PhoneNumbers", "15300000001");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignName", "阿里云短信测试专用");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", "SMS_71390007");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("Version", "2017-05-25");
        return p;
    }

    @Test
    void signsTheProvidersPublishedExampleToItsPublishedSignature() {
        String query = AliyunSmsGateway.canonicalQuery(publishedExample());
        assertThat(query).startsWith("AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001")
                .contains("SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8")
                .contains("TemplateParam=%7B%22customer%22%3A%22test%22%7D")
                .endsWith("Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25");
        assertThat(AliyunSmsGateway.signature("GET", query, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void percentEncodesAsTheProviderAsksNotAsHtmlForms() {
        assertThat(AliyunSmsGateway.percentEncode("a b*c~d+e/f")).isEqualTo("a%20b%2Ac~d%2Be%2Ff");
    }
}
