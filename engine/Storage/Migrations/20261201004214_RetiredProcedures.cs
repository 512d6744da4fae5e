using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RetiredProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetiredProcedures",
                columns: table => new
                {
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RetiredByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredProcedures", x => x.ProcedureId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredProcedures");
        }
    }
}
