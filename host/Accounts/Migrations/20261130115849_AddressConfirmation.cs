using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Host.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class AddressConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SignedUpAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            // Accounts opened before addresses were confirmed keep signing in: their address counts as confirmed (an
            // invited account without a password yet is confirmed by its invitation link, as before).
            migrationBuilder.Sql("UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE PasswordHash IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignedUpAt",
                table: "AspNetUsers");
        }
    }
}
