/* The TMX reader's wording of libxml2's errors: what a translator reading the message
 * can act on, in our words, for every error code (libxml2's own messages are never
 * shown). The line and column come with the error. */
#include "config.h"

#include <libxml/xmlerror.h>

#include "reader.h"

static const struct {
    int code;
    const char *words;
} table[] = {
    {XML_ERR_INTERNAL_ERROR, "the XML parser failed"},
    {XML_ERR_NO_MEMORY, "out of memory while parsing"},
    {XML_ERR_DOCUMENT_START, "no XML document here"},
    {XML_ERR_DOCUMENT_EMPTY, "the file is empty or holds no XML element"},
    {XML_ERR_DOCUMENT_END, "something follows the end of the root element"},
    {XML_ERR_INVALID_HEX_CHARREF, "a malformed character reference (&#x...;)"},
    {XML_ERR_INVALID_DEC_CHARREF, "a malformed character reference (&#...;)"},
    {XML_ERR_INVALID_CHARREF, "a character reference to a character XML forbids"},
    {XML_ERR_INVALID_CHAR, "a character XML forbids, or bytes that are not valid UTF-8"},
    {XML_ERR_CHARREF_AT_EOF, "the file ends inside a character reference"},
    {XML_ERR_CHARREF_IN_PROLOG, "a character reference before the first element"},
    {XML_ERR_CHARREF_IN_EPILOG, "a character reference after the last element"},
    {XML_ERR_ENTITYREF_AT_EOF, "the file ends inside an entity reference"},
    {XML_ERR_ENTITYREF_IN_PROLOG, "an entity reference before the first element"},
    {XML_ERR_ENTITYREF_IN_EPILOG, "an entity reference after the last element"},
    {XML_ERR_ENTITYREF_NO_NAME, "a '&' that starts no entity reference (write &amp;)"},
    {XML_ERR_ENTITYREF_SEMICOL_MISSING, "an entity reference without its ';' (write &amp;)"},
    {XML_ERR_UNDECLARED_ENTITY, "an entity reference that is not declared (write &amp;)"},
    {XML_ERR_UNKNOWN_ENCODING, "the declared encoding is not known"},
    {XML_ERR_UNSUPPORTED_ENCODING, "the declared encoding is not supported"},
    {XML_ERR_STRING_NOT_STARTED, "a quoted value was expected"},
    {XML_ERR_STRING_NOT_CLOSED, "a quoted value is not closed"},
    {XML_ERR_NS_DECL_ERROR, "a malformed namespace declaration"},
    {XML_ERR_LT_IN_ATTRIBUTE, "a '<' inside an attribute value (write &lt;)"},
    {XML_ERR_ATTRIBUTE_NOT_STARTED, "an attribute value must be quoted"},
    {XML_ERR_ATTRIBUTE_NOT_FINISHED, "an attribute value is not closed"},
    {XML_ERR_ATTRIBUTE_WITHOUT_VALUE, "an attribute without a value"},
    {XML_ERR_ATTRIBUTE_REDEFINED, "an attribute given twice in one tag"},
    {XML_ERR_LITERAL_NOT_STARTED, "a quoted value was expected"},
    {XML_ERR_LITERAL_NOT_FINISHED, "a quoted value is not closed"},
    {XML_ERR_COMMENT_NOT_FINISHED, "a comment is not closed (-->)"},
    {XML_ERR_PI_NOT_STARTED, "a malformed processing instruction (<?...?>)"},
    {XML_ERR_PI_NOT_FINISHED, "a processing instruction is not closed (?>)"},
    {XML_ERR_XMLDECL_NOT_STARTED, "a malformed XML declaration (<?xml ...?>)"},
    {XML_ERR_XMLDECL_NOT_FINISHED, "the XML declaration is not closed (?>)"},
    {XML_ERR_DOCTYPE_NOT_FINISHED, "the DOCTYPE declaration is not closed"},
    {XML_ERR_MISPLACED_CDATA_END, "']]>' in text (write ]]&gt;)"},
    {XML_ERR_CDATA_NOT_FINISHED, "a CDATA section is not closed (]]>)"},
    {XML_ERR_RESERVED_XML_NAME, "an <?xml ...?> declaration that is not at the start"},
    {XML_ERR_SPACE_REQUIRED, "a space is missing (between attributes?)"},
    {XML_ERR_NAME_REQUIRED, "a tag or attribute name is missing (a lone '<'? write &lt;)"},
    {XML_ERR_LT_REQUIRED, "a '<' was expected"},
    {XML_ERR_GT_REQUIRED, "a tag is not closed with '>'"},
    {XML_ERR_LTSLASH_REQUIRED, "an end tag was expected"},
    {XML_ERR_EQUAL_REQUIRED, "an attribute without '=' and a value"},
    {XML_ERR_TAG_NAME_MISMATCH, "an end tag that does not match the open element"},
    {XML_ERR_TAG_NOT_FINISHED, "an element is not closed"},
    {XML_ERR_STANDALONE_VALUE, "the standalone value must be yes or no"},
    {XML_ERR_ENCODING_NAME, "a malformed encoding name"},
    {XML_ERR_HYPHEN_IN_COMMENT, "'--' inside a comment"},
    {XML_ERR_INVALID_ENCODING, "bytes that are not valid in the file's encoding (not UTF-8?)"},
    {XML_ERR_VALUE_REQUIRED, "a value is missing"},
    {XML_ERR_NOT_WELL_BALANCED, "elements are not properly nested"},
    {XML_ERR_EXTRA_CONTENT, "something follows the end of the root element"},
    {XML_ERR_VERSION_MISSING, "the XML declaration has no version"},
    {XML_ERR_MISSING_ENCODING, "the encoding declaration has no name"},
    {XML_ERR_UNKNOWN_VERSION, "an XML version other than 1.0"},
    {XML_ERR_VERSION_MISMATCH, "an XML version other than 1.0"},
    {XML_ERR_NAME_TOO_LONG, "a tag or attribute name is too long"},
    {XML_ERR_USER_STOP, "reading stopped"},
    {XML_NS_ERR_UNDEFINED_NAMESPACE, "a namespace prefix that is not declared"},
    {XML_NS_ERR_QNAME, "a malformed prefixed name"},
    {XML_NS_ERR_ATTRIBUTE_REDEFINED, "an attribute given twice in one tag"},
    {XML_NS_ERR_EMPTY, "an empty namespace name"},
    {XML_NS_ERR_COLON, "a name with more than one ':'"},
    {XML_I18N_NO_NAME, "the declared encoding has no name"},
    {XML_I18N_NO_HANDLER, "the declared encoding is not supported"},
    {XML_I18N_EXCESS_HANDLER, "the declared encoding is not supported"},
    {XML_I18N_CONV_FAILED, "bytes that are not valid in the declared encoding"},
    {XML_I18N_NO_OUTPUT, "bytes that are not valid in the declared encoding"},
};

const char *sl_tmx_xml_words(int code)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].code == code)
            return table[i].words;
    return NULL;
}
