using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Host.Accounts.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WebhookSecretsEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "WebhookSecret",
                table: "ApiClients",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60,
                oldNullable: true,
                oldCollation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "WebhookSecret",
                table: "ApiClients",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true,
                oldCollation: "C");
        }
    }
}
