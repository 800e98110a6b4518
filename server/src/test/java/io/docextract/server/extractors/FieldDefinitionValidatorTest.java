package io.docextract.server.extractors;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ApiException.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class FieldDefinitionValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<Detail> problems(String fieldsJson) {
        List<Detail> details = new ArrayList<>();
        List<FieldDefinition> fields =
                FieldDefinitionValidator.validate(JSON.readTree(fieldsJson), "field_definitions", details);
        assertThat(fields == null).isEqualTo(!details.isEmpty());
        return details;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "number", "currency", "date", "email", "phone", "boolean"})
    void everyScalarTypeIsAccepted(String type) {
        assertThat(problems("[{\"name\":\"a_field\",\"type\":\"" + type + "\",\"required\":true,"
                        + "\"description\":\"d\"}]"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{\"name\":\"items\",\"type\":\"array\",\"items\":{\"type\":\"text\"}}]",
                "[{\"name\":\"o\",\"type\":\"object\",\"properties\":[{\"name\":\"p\",\"type\":\"date\"}]}]",
                "[{\"name\":\"lines\",\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":["
                        + "{\"name\":\"q\",\"type\":\"number\"},{\"name\":\"sub\",\"type\":\"object\",\"properties\":"
                        + "[{\"name\":\"leaf\",\"type\":\"text\"}]}]}}]",
                "[{\"name\":\"kind\",\"type\":\"text\",\"enum\":[\"a\",\"b\"]}]",
                "[{\"name\":\"v2_total\",\"type\":\"currency\"}]"
            })
    void validDefinitionsPass(String json) {
        assertThat(problems(json)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an array                 | {"name":"a","type":"text"}                                 | field_definitions
            empty                        | []                                                         | field_definitions
            element not object           | ["a"]                                                      | field_definitions[0]
            missing name                 | [{"type":"text"}]                                          | field_definitions[0].name
            name not snake case          | [{"name":"InvoiceNumber","type":"text"}]                   | field_definitions[0].name
            name with double underscore  | [{"name":"a__b","type":"text"}]                            | field_definitions[0].name
            name starting with digit     | [{"name":"1a","type":"text"}]                              | field_definitions[0].name
            name not a string            | [{"name":5,"type":"text"}]                                 | field_definitions[0].name
            duplicate name               | [{"name":"a","type":"text"},{"name":"a","type":"date"}]    | field_definitions[1].name
            missing type                 | [{"name":"a"}]                                             | field_definitions[0].type
            unknown type                 | [{"name":"a","type":"string"}]                             | field_definitions[0].type
            unknown key                  | [{"name":"a","type":"text","format":"x"}]                  | field_definitions[0].format
            required not boolean         | [{"name":"a","type":"text","required":"yes"}]              | field_definitions[0].required
            description not string       | [{"name":"a","type":"text","description":1}]               | field_definitions[0].description
            array without items          | [{"name":"a","type":"array"}]                              | field_definitions[0].items
            items on text                | [{"name":"a","type":"text","items":{"type":"text"}}]       | field_definitions[0].items
            named items                  | [{"name":"a","type":"array","items":{"name":"b","type":"text"}}] | field_definitions[0].items.name
            object without properties    | [{"name":"a","type":"object"}]                             | field_definitions[0].properties
            properties on array          | [{"name":"a","type":"array","items":{"type":"text"},"properties":[]}] | field_definitions[0].properties
            empty properties             | [{"name":"a","type":"object","properties":[]}]             | field_definitions[0].properties
            enum on number               | [{"name":"a","type":"number","enum":["1"]}]                | field_definitions[0].enum
            empty enum                   | [{"name":"a","type":"text","enum":[]}]                     | field_definitions[0].enum
            enum not strings             | [{"name":"a","type":"text","enum":[1]}]                    | field_definitions[0].enum[0]
            blank enum value             | [{"name":"a","type":"text","enum":[" "]}]                  | field_definitions[0].enum[0]
            duplicate enum value         | [{"name":"a","type":"text","enum":["x","x"]}]              | field_definitions[0].enum[1]
            nested bad name              | [{"name":"l","type":"array","items":{"type":"object","properties":[{"name":"A","type":"text"}]}}] | field_definitions[0].items.properties[0].name
            too deep                     | [{"name":"a","type":"object","properties":[{"name":"b","type":"object","properties":[{"name":"c","type":"object","properties":[{"name":"d","type":"text"}]}]}]}] | field_definitions[0].properties[0].properties[0].properties
            """)
    void eachProblemIsReportedAtItsPath(String label, String json, String path) {
        assertThat(problems(json)).extracting(Detail::field).contains(path);
    }

    @ParameterizedTest
    @CsvSource({"100, 0", "101, 1"})
    void atMostAHundredFields(int count, int expectedProblems) {
        String json = IntStream.range(0, count)
                .mapToObj(i -> "{\"name\":\"f" + i + "\",\"type\":\"text\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(problems(json)).hasSize(expectedProblems);
    }

    @ParameterizedTest
    @CsvSource({"1000, 0", "1001, 1"})
    void descriptionLengthIsLimited(int length, int expectedProblems) {
        assertThat(problems("[{\"name\":\"a\",\"type\":\"text\",\"description\":\"" + "d".repeat(length) + "\"}]"))
                .hasSize(expectedProblems);
    }

    @ParameterizedTest
    @CsvSource({"64, 0", "65, 1"})
    void nameLengthIsLimited(int length, int expectedProblems) {
        assertThat(problems("[{\"name\":\"" + "a".repeat(length) + "\",\"type\":\"text\"}]"))
                .hasSize(expectedProblems);
    }
}
